using ResMonitor.Core.Governance;

namespace ResMonitor.Web.Features.Governance;

/// <summary>
/// An impasse's timeline for a page. The public part holds the opening, the steps with their dates, owner and
/// trigger (and the reason for a skip), the bodies informed with the agreed message, public documents and the closing;
/// mandates, step 2's assignment, outcomes, reminders and internal documents stay with the beheerder.
/// </summary>
public sealed record TimelineView(Impasse Impasse, IReadOnlyDictionary<int, string> Bodies, bool PublicOnly)
{
    public IEnumerable<EscalationEvent> Events => Impasse.Events
        .Where(e => !PublicOnly || IsPublic(e))
        .OrderBy(e => e.Date).ThenBy(e => e.Id);

    public static bool IsPublic(EscalationEvent e) => e.Kind switch
    {
        EscalationEventKind.Opened or EscalationEventKind.StepStarted or EscalationEventKind.BodyInformed or EscalationEventKind.Closed => true,
        EscalationEventKind.DocumentAdded => e.IsPublic,
        _ => false,
    };
}
