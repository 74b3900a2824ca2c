using ResMonitor.Core.Data;
using ResMonitor.Core.Indicators;
using ResMonitor.Web.Features.Charts;
using ResMonitor.Web.Infrastructure;

namespace ResMonitor.Web.Features.Indicators;

public sealed class PermitsModel(ResMonitorDbContext db, TimeProvider clock, Language language) : IndicatorPageModel(db, clock, language)
{
    public PermitProgress Progress { get; private set; } = null!;

    public ChartTable Phases { get; private set; } = null!;

    public ChartTable Deadline { get; private set; } = null!;

    public ChartTable Authority { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Progress = await Data.PermitsAsync(ct);
        Phases = await Charts.PhasesAsync(ct);
        Deadline = await Charts.PermitDeadlineAsync(ct);
        Authority = await Charts.AuthorityAsync(ct);
    }
}
