using ResMonitor.Core.Projects;

namespace ResMonitor.Core.Signals;

public enum SignalRule
{
    /// <summary>No phase change for N months (the "shelved" rule of Global Energy Monitor).</summary>
    Stalled,

    /// <summary>No permit by the permit deadline for the target (1 January 2025).</summary>
    NoPermitByDeadline,

    /// <summary>A new project below the local-ownership aim (50%).</summary>
    LowLocalOwnership,

    /// <summary>A municipality whose realised plus pipeline falls behind its share of the target.</summary>
    MunicipalityBehind,

    /// <summary>An open project in an area with feed-in congestion (netcongestie) on the reference date.</summary>
    NoGridCapacity,
}

/// <summary>One early warning: which rule fired, about what, the facts behind it, and where to look.</summary>
public sealed record Signal(SignalRule Rule, string Subject, string SubjectName, string Facts, string Link, DateOnly? Since, bool IsExample);

/// <summary>The thresholds of the rules; defaults in code, each configurable (section "Signals").</summary>
public sealed class SignalOptions
{
    public int StalledAfterMonths { get; set; } = 24;

    public DateOnly PermitDeadline { get; set; } = new(2025, 1, 1);

    public decimal LocalOwnershipAimPercent { get; set; } = 50;

    /// <summary>Projects whose first phase date is on or after this date count as new for the ownership aim.</summary>
    public DateOnly NewProjectsFrom { get; set; } = new(2020, 1, 1);

    /// <summary>A municipality is behind when realised plus pipeline is below this fraction of its fair share.</summary>
    public decimal MunicipalityShareFraction { get; set; } = 1m;

    /// <summary>
    /// Whether offtake congestion also counts for the grid rule. Off by default: a wind or solar project feeds in, so
    /// only feed-in congestion stands in its way; a region whose projects also need offtake (storage) can turn it on.
    /// </summary>
    public bool GridCongestionIncludesOfftake { get; set; }

    /// <summary>
    /// Rules whose signals are shown to the public (empty: all); the werkbureau sees them all. Null by default, so that
    /// a configured list replaces the default instead of being added to it, as the configuration binder does with a
    /// filled list.
    /// </summary>
    public SignalRule[]? PublicRules { get; set; }

    public bool IsPublic(SignalRule rule) => PublicRules is not { Length: > 0 } rules || rules.Contains(rule);

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (StalledAfterMonths < 1)
        {
            problems.Add("Signals:StalledAfterMonths moet minstens 1 zijn.");
        }

        if (LocalOwnershipAimPercent is < 0 or > 100)
        {
            problems.Add("Signals:LocalOwnershipAimPercent moet tussen 0 en 100 liggen.");
        }

        if (MunicipalityShareFraction <= 0)
        {
            problems.Add("Signals:MunicipalityShareFraction moet groter dan 0 zijn.");
        }

        return problems;
    }
}

/// <summary>What a rule needs to know of a project.</summary>
public sealed record SignalProject(
    string Id,
    string Name,
    int MunicipalityId,
    Phase Phase,
    DateOnly? FirstPhaseDate,
    DateOnly? LastPhaseChange,
    /// <summary>When the project first had a permit: the permit's grant date, else the first phase from vergund on.</summary>
    DateOnly? PermittedOn,
    decimal? LocalOwnershipPercent,
    decimal YieldMwh,
    bool IsExample,
    string? SearchAreaId = null);

/// <summary>A municipality with the basis of its fair share (inhabitants) and its realised plus pipeline yield.</summary>
public sealed record SignalMunicipality(int Id, string Name, string Slug, int? Population, decimal RealisedAndPipelineMwh);
