using ResMonitor.Core.Data;
using ResMonitor.Core.Regions;
using ResMonitor.Web.Infrastructure;

namespace ResMonitor.Web.Features.Indicators;

public sealed class EnergyInfrastructureModel(ResMonitorDbContext db, TimeProvider clock, Language language) : IndicatorPageModel(db, clock, language)
{
    public NoDataBlock Block { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var l = Lang;
        var grid = await Data.OrganisationsAsync(OrganisationKind.GridOperator, ct);
        var names = string.Join(", ", grid.Select(g => g.Name));
        Block = new("netuitbreiding", l.T("Netuitbreiding richting 2030", "Grid extension towards 2030"),
            l.T($"De netbeheerders ({names}) leveren de uitbreidingen en de netcapaciteit aan, uit de routekaart en de netimpactanalyse:",
                $"The grid operators ({names}) supply the extensions and grid capacity, from the roadmap and the grid impact analysis:"),
            grid,
            [
                l.T("per netverzwaring (station, verbinding) de geplande en de werkelijke datum van gereedkomen;", "per grid reinforcement (substation, connection) the planned and the actual completion date;"),
                l.T("de congestie per gebied, voor invoeding en voor afname;", "congestion per area, for feed-in and for offtake;"),
                l.T("welke projecten op welk station wachten, en waar wind en zon één aansluiting delen;", "which projects wait for which substation, and where wind and solar share one connection;"),
                l.T("de voortgang van het programma zon op dak in zijn drie sporen (industrie en mkb, landbouw, overheidsvastgoed), per jaar;", "the progress of the solar-on-roof programme in its three tracks (industry and SMEs, agriculture, government property), per year;"),
                l.T("bij elk cijfer de bron en de peildatum.", "with every figure its source and reference date."),
            ]);
    }
}
