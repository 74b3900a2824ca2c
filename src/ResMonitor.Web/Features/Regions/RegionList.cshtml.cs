using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.Regions;

/// <summary>/regios: the regions in the register, each with its address and its total target. Only when there are several.</summary>
public sealed class RegionListModel(RegisterResolver register) : PageModel
{
    public sealed record Line(string Id, string Name, int? TargetYear, decimal? TargetMwh, string? TargetSource = null, DateOnly? TargetReferenceDate = null);

    public IReadOnlyList<Line> Regions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var state = await register.TodayAsync(ct);
        if (state.Regions.Count < 2)
        {
            return NotFound();
        }

        Regions = state.Regions.OrderBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => state.RegionTargetsOf(r.Id).Where(t => t.Technique is null).OrderByDescending(t => t.Year).FirstOrDefault() is { } target
                ? new Line(r.Id, r.Name, target.Year, target.ValueMwh, target.Source, target.ReferenceDate)
                : new Line(r.Id, r.Name, null, null))
            .ToList();
        return Page();
    }
}
