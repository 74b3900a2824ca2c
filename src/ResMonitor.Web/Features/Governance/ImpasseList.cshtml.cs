using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResMonitor.Core.Accounts;
using ResMonitor.Core.Data;
using ResMonitor.Core.Governance;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.Governance;

/// <summary>Every impasse of the region with where it stands; a lezer reads, the beheerder also records.</summary>
[Authorize(Policy = Roles.DraftReaders)]
public sealed class ImpasseListModel(EscalationService escalation) : PageModel
{
    public IReadOnlyList<(Impasse Impasse, EscalationState State)> Impasses { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Impasses = (await escalation.ListAsync(HttpContext.Region().Id, ct)).Select(i => (i, EscalationState.Of(i))).ToList();
}
