using ResMonitor.Core.Data;
using ResMonitor.Core.Regions;
using ResMonitor.Web.Infrastructure;

namespace ResMonitor.Web.Features.Indicators;

public sealed class SpatialIntegrationModel(ResMonitorDbContext db, TimeProvider clock, Language language) : IndicatorPageModel(db, clock, language)
{
    public NoDataBlock Block { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var l = Lang;
        var suppliers = (await Data.OrganisationsAsync(ct))
            .Where(o => o.Kind is OrganisationKind.Municipality or OrganisationKind.Province or OrganisationKind.WaterBoard)
            .ToList();
        Block = new("borging", l.T("Stand van de borging per overheid", "State of embedding per government"),
            l.T($"Elke overheid meldt zelf de stand van haar documenten: de {suppliers.Count(o => o.Kind == OrganisationKind.Municipality)} gemeenten (omgevingsvisie, omgevingsplan, energie- en participatiebeleid), de provincie (omgevingsvisie, provinciale omgevingsverordening) en de {suppliers.Count(o => o.Kind == OrganisationKind.WaterBoard)} waterschappen (waterschapsverordening):",
                $"Each government reports the state of its own documents: the {suppliers.Count(o => o.Kind == OrganisationKind.Municipality)} municipalities (omgevingsvisie, omgevingsplan, energy and participation policy), the province (omgevingsvisie, provincial regulation) and the {suppliers.Count(o => o.Kind == OrganisationKind.WaterBoard)} water boards (water board regulation):"),
            suppliers,
            [
                l.T("per overheid en per document de stand (niet begonnen, in voorbereiding, ontwerp, vastgesteld) met datum en een link naar het besluit;", "per government and per document the state (not started, in preparation, draft, adopted) with its date and a link to the decision;"),
                l.T("of de RES-afspraken erin staan: zoekgebieden, de ruimtelijke principes en het streven naar 50% lokaal eigendom;", "whether the RES agreements are in it: search areas, the spatial principles and the aim of 50% local ownership;"),
                l.T("welke overheden hun omgevingsvisie met energie vóór de wettelijke termijn van 2025 hebben vastgesteld, en welke nog niet;", "which governments adopted their omgevingsvisie including energy before the legal 2025 deadline, and which have not yet;"),
                l.T("bij elk cijfer de bron en de peildatum.", "with every figure its source and reference date."),
            ]);
    }
}
