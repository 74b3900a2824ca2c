using ResMonitor.Core.Data;
using ResMonitor.Core.Indicators;
using ResMonitor.Web.Charts;
using ResMonitor.Web.Indicators;
using ResMonitor.Web.Infrastructure;

namespace ResMonitor.Web.Pages.Indicatoren;

public sealed class ParticipatieModel(ResMonitorDbContext db, TimeProvider clock, Language language) : IndicatorPageModel(db, clock, language)
{
    public ParticipationSummary Summary { get; private set; } = null!;

    public ChartTable Chart { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadCommonAsync(ct);
        Summary = await Data.ParticipationAsync(ct);
        Chart = await Charts.LocalOwnershipAsync(ct);
    }
}
