using ResMonitor.Core.Data;
using ResMonitor.Core.Regions;
using ResMonitor.Web.Infrastructure;

namespace ResMonitor.Web.Features.Indicators;

public sealed class HeatModel(ResMonitorDbContext db, TimeProvider clock, Language language) : IndicatorPageModel(db, clock, language)
{
    public NoDataBlock Block { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var l = Lang;
        var suppliers = (await Data.OrganisationsAsync(ct))
            .Where(o => o.Kind is OrganisationKind.Municipality or OrganisationKind.Province)
            .ToList();
        Block = new("warmtebronnen", l.T("Regionale warmtebronnen", "Regional heat sources"),
            l.T("De provincie en de gemeenten leveren de gegevens, uit de regionale Routekaart warmtebronnen en de Transitievisies Warmte en wijkuitvoeringsplannen van de gemeenten:",
                "The province and the municipalities supply the data, from the regional heat-source roadmap and the municipalities' heat transition visions and neighbourhood plans:"),
            suppliers,
            [
                l.T("per warmtebron (restwarmte, aquathermie, geothermie, bodemenergie, groen gas uit mest, biomassa) het vermogen, de beschikbaarheid en de inzet, en de stikstofdepositie;", "per heat source (residual heat, aquathermal, geothermal, soil energy, green gas from manure, biomass) its capacity, availability and use, and its nitrogen deposition;"),
                l.T("per gemeente de stand van de Transitievisie Warmte en de wijkuitvoeringsplannen;", "per municipality the state of the heat transition vision and the neighbourhood plans;"),
                l.T("vraag en aanbod van warmte naast elkaar, tegen de 7,03 TWh warmtevraag;", "heat demand and supply side by side, against the 7.03 TWh heat demand;"),
                l.T("bij elk cijfer de bron en de peildatum.", "with every figure its source and reference date."),
            ]);
    }
}
