using Microsoft.AspNetCore.Mvc.RazorPages;
using ResMonitor.Core.Data;
using ResMonitor.Core.Governance;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.Governance;

/// <summary>The impasses the region chose to publish, with their summary and the public part of the timeline.</summary>
public sealed class EscalationModel(EscalationService escalation) : PageModel
{
    public IReadOnlyList<(Impasse Impasse, EscalationState State, TimelineView Timeline)> Published { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var bodies = (await escalation.RepresentedBodiesAsync(HttpContext.Region().Id, ct)).ToDictionary(b => b.Id, b => b.Name);
        Published = (await escalation.ListAsync(HttpContext.Region().Id, ct))
            .Select(i => (Impasse: i, State: EscalationState.Of(i)))
            .Where(x => x.State.IsPublished)
            .Select(x => (x.Impasse, x.State, new TimelineView(x.Impasse, bodies, PublicOnly: true)))
            .ToList();
    }
}
