using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResMonitor.Core.Governance;
using ResMonitor.Web.Features.Regions;

namespace ResMonitor.Web.Features.Governance;

/// <summary>
/// The shared timeline (/tijdlijn): the decision moments of every layer of government, past and future, each with its
/// date as exactly as it is known and its source; narrowed by level and kind with a plain GET form.
/// </summary>
public sealed class SharedTimelineModel(Timeline timeline, TimeProvider clock) : PageModel
{
    public IReadOnlyList<DecisionMoment> Moments { get; private set; } = [];

    public int Total { get; private set; }

    public MomentLevel? Level { get; private set; }

    public MomentKind? Kind { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "niveau")] string? niveau, [FromQuery(Name = "soort")] string? soort, CancellationToken ct)
    {
        if (!Read(niveau, out MomentLevel? level) || !Read(soort, out MomentKind? kind))
        {
            return BadRequest();
        }

        Level = level;
        Kind = kind;
        Today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var all = await timeline.ListAsync(HttpContext.Region().Id, ct);
        Total = all.Count;
        Moments = all.Where(m => (level is null || m.Level == level) && (kind is null || m.Kind == kind)).ToList();
        return Page();
    }

    /// <summary>An empty filter is no filter; an unknown value is a bad request.</summary>
    private static bool Read<T>(string? text, out T? value)
        where T : struct, Enum
    {
        value = Timeline.Name<T>(text);
        return string.IsNullOrEmpty(text) || value is not null;
    }
}
