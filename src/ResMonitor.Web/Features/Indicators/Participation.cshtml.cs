using ResMonitor.Core.Data;
using ResMonitor.Core.Indicators;
using ResMonitor.Web.Features.Charts;
using ResMonitor.Web.Infrastructure;

namespace ResMonitor.Web.Features.Indicators;

public sealed class ParticipationModel(ResMonitorDbContext db, TimeProvider clock, Language language) : IndicatorPageModel(db, clock, language)
{
    public ParticipationSummary Summary { get; private set; } = null!;

    public ChartTable Chart { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Summary = await Data.ParticipationAsync(ct);
        Chart = await Charts.LocalOwnershipAsync(ct);
    }
}
