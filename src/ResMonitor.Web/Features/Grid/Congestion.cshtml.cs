using Microsoft.AspNetCore.Mvc.RazorPages;
using ResMonitor.Core.Data;
using ResMonitor.Core.Grid;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.Grid;

/// <summary>The public list of grid congestion: every area with its grid operator, kind, dates, source and reference date.</summary>
public sealed class CongestionModel(CongestionService register, TimeProvider clock) : PageModel
{
    public DateOnly Today { get; private set; }

    public IReadOnlyList<CongestionView> Current { get; private set; } = [];

    public IReadOnlyList<CongestionView> Ended { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var all = await register.ListAsync(HttpContext.Region().Id, ct);
        Current = all.Where(r => !(r.EndedOn <= Today)).ToList();
        Ended = all.Where(r => r.EndedOn <= Today).ToList();
    }
}
