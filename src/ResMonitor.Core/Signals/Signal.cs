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

/// <summary>One early warning: which rule fired, about what, the facts behind it (in Dutch and English), and where to look.</summary>
public sealed record Signal(SignalRule Rule, string Subject, string SubjectName, string Facts, string Link, DateOnly? Since, bool IsExample, string? FactsEnglish = null)
{
    /// <summary>The facts for an English page; the Dutch ones where no English text was made.</summary>
    public string FactsIn(bool english) => english ? FactsEnglish ?? Facts : Facts;
}

/// <summary>The thresholds of the rules; defaults in code, each configurable (section "Signals").</summary>
public sealed class SignalOptions
{
    public int StalledAfterMonths { get; set; } = 24;

    public DateOnly PermitDeadline { get; set; } = new(2025, 1, 1);

    public decimal LocalOwnershipAimPercent { get; set; } = 50;

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

/// <summary>
/// A value a rule needs but the register does not have: a data gap, never read as a low value. The public sees how
/// many there are per rule; the werkbureau sees each with a link, as a to-do list.
/// </summary>
public sealed record DataGap(SignalRule Rule, GapKind Kind, string Subject, string SubjectName, string Missing, string Link, bool IsExample);

/// <summary>What is missing.</summary>
public enum GapKind
{
    /// <summary>An open project without the date of its current phase.</summary>
    PhaseDate,

    /// <summary>A project permitted or further without the date of its permit.</summary>
    PermitDate,

    /// <summary>A new project without its share of local ownership.</summary>
    LocalOwnership,

    /// <summary>A project past the phase that decides whether it is new, without the date it got there.</summary>
    NewSince,

    /// <summary>A municipality with neither an agreed contribution nor its number of inhabitants.</summary>
    ShareBasis,

    /// <summary>
    /// An open project long in its phase whose newest source is older than the stall limit: not known to be stalled,
    /// not known to have moved on.
    /// </summary>
    Outdated,
}

/// <summary>How many values of one kind are missing for one rule.</summary>
public sealed record GapCount(SignalRule Rule, GapKind Kind, int Count);

/// <summary>What a rule needs to know of a project.</summary>
public sealed record SignalProject(
    string Id,
    string Name,
    int MunicipalityId,
    Phase Phase,
    /// <summary>Whether the project counts as new (<see cref="NewProjectRule"/>), decided once by the caller.</summary>
    Novelty Novelty,
    DateOnly? LastPhaseChange,
    /// <summary>When the project first had a permit: the permit's grant date, else the first phase from vergund on.</summary>
    DateOnly? PermittedOn,
    decimal? LocalOwnershipPercent,
    decimal YieldMwh,
    bool IsExample,
    string? SearchAreaId = null,
    /// <summary>The day that made the project new (first in the deciding phase), if any.</summary>
    DateOnly? NewSince = null,
    /// <summary>
    /// The reference date of the project's source: the last day the register's facts about it were confirmed. A
    /// project whose phase is old and whose source is as old may simply have moved on unrecorded (null: not known).
    /// </summary>
    DateOnly? ConfirmedOn = null);

/// <summary>
/// A municipality with the basis of its share: its agreed contribution (municipal targets) when it has one, else its
/// inhabitants; and its realised plus pipeline yield, in total and per technique.
/// </summary>
public sealed record SignalMunicipality(
    int Id,
    string Name,
    string Slug,
    int? Population,
    decimal RealisedAndPipelineMwh,
    IReadOnlyList<Regions.Target>? Targets = null,
    IReadOnlyDictionary<Energy.Technique, decimal>? YieldByTechnique = null);
