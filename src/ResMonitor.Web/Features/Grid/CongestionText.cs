using ResMonitor.Core.Grid;
using ResMonitor.Web.Infrastructure;

namespace ResMonitor.Web.Features.Grid;

/// <summary>The words for a congestion record on the pages, in Dutch or English.</summary>
public static class CongestionText
{
    public static string Kind(Language l, CongestionKind kind) =>
        l.IsEnglish ? CongestionRules.KindLabelEnglish(kind) : CongestionRules.KindLabel(kind);

    public static string ExpectedEnd(Language l, CongestionView r) => (r.ExpectedEnd, string.IsNullOrWhiteSpace(r.Reinforcement)) switch
    {
        ({ } date, false) => l.T($"{l.Date(date)}, na {r.Reinforcement}", $"{l.Date(date)}, after {r.Reinforcement}"),
        ({ } date, true) => l.Date(date),
        (null, false) => l.T($"na {r.Reinforcement} (datum onbekend)", $"after {r.Reinforcement} (date unknown)"),
        _ => l.T("onbekend", "unknown"),
    };

    /// <summary>Current, ended or still to come, with the expected end while it lasts.</summary>
    public static string Status(Language l, CongestionView r, DateOnly today) => r switch
    {
        { EndedOn: { } ended } when ended <= today => l.T($"beëindigd op {l.Date(ended)}", $"ended on {l.Date(ended)}"),
        _ when r.Since > today => l.T($"vanaf {l.Date(r.Since)}; verwacht einde: {ExpectedEnd(l, r)}", $"from {l.Date(r.Since)}; expected end: {ExpectedEnd(l, r)}"),
        _ => l.T($"loopt; verwacht einde: {ExpectedEnd(l, r)}", $"current; expected end: {ExpectedEnd(l, r)}"),
    };
}
