using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;
using ResMonitor.Web.Features.Charts;
using ResMonitor.Web.Infrastructure;

namespace ResMonitor.Web.Features.Indicators;

public sealed class GenerationModel(ResMonitorDbContext db, TimeProvider clock, Language language) : IndicatorPageModel(db, clock, language)
{
    public Overview Overview { get; private set; } = null!;

    public ChartTable ByTechnique { get; private set; } = null!;

    public ChartTable ByMunicipality { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Overview = await Data.OverviewAsync(ct);
        ByTechnique = await Charts.ByTechniqueAsync(ct);
        ByMunicipality = await Charts.ByMunicipalityAsync(ct);
    }
}
