using ResMonitor.Core.Governance;
using ResMonitor.Web.Infrastructure;

namespace ResMonitor.Web.Features.Governance;

/// <summary>Escalation words in the page's language.</summary>
public static class EscalationText
{
    public static string Topic(Language l, Impasse i) =>
        i.Topic == ImpasseTopic.Other ? i.TopicText ?? "" : Pick(l, EscalationLabels.Topics[i.Topic]) + (i.TopicText is { } t ? ": " + t : "");

    public static string Trigger(Language l, EscalationTrigger t) => Pick(l, EscalationLabels.Triggers[t]);

    public static string Step(Language l, int step) => l.T($"Stap {step}", $"Step {step}") + ": " + Pick(l, EscalationLabels.Steps[step]);

    public static string Closure(Language l, ImpasseClosure c) => Pick(l, EscalationLabels.Closures[c]);

    public static string Status(Language l, EscalationState s) => s switch
    {
        { Closure: { } c } => l.T("afgesloten", "closed") + ": " + Closure(l, c),
        { CurrentStep: 0 } => l.T("geopend, nog geen stap", "opened, no step yet"),
        _ => Step(l, s.CurrentStep) + (s.CurrentDeadline is { } d ? l.T(", deadline ", ", deadline ") + l.Date(d) : ""),
    };

    private static string Pick(Language l, (string Nl, string En) words) => l.T(words.Nl, words.En);
}
