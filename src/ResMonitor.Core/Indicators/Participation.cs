using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;

namespace ResMonitor.Core.Indicators;

/// <summary>What the participation indicator needs of a project.</summary>
public sealed record ParticipationFacts(
    string Id,
    string Name,
    Technique Technique,
    decimal CapacityMw,
    Phase Phase,
    decimal? LocalOwnershipPercent,
    string? Participation,
    IReadOnlyList<PhaseChange> History,
    bool IsExample,
    DateOnly? PhaseDate = null);

public sealed record ParticipationSummary(
    /// <summary>From this day a project counts as new (<see cref="NewProjectRule"/>).</summary>
    DateOnly AgreementDate,
    decimal AimPercent,
    IReadOnlyList<ParticipationFacts> NewProjects,
    IReadOnlyList<ParticipationFacts> EarlierProjects,
    IReadOnlyList<ParticipationFacts> Known,
    IReadOnlyList<ParticipationFacts> AtOrAboveAim,
    IReadOnlyList<ParticipationFacts> WithoutData,
    decimal? CapacityWeightedPercent)
{
    /// <summary>The phase whose first date decides whether a project is new.</summary>
    public Phase NewProjectsPhase { get; init; } = NewProjectRule.Default.Phase;

    /// <summary>Projects past that phase without a dated step: not known whether they are new (a data gap).</summary>
    public IReadOnlyList<ParticipationFacts> NoveltyUnknown { get; init; } = [];

    public IEnumerable<ParticipationFacts> WithParticipationText =>
        NewProjects.Concat(EarlierProjects).Where(p => !string.IsNullOrWhiteSpace(p.Participation));
}

/// <summary>
/// The regional agreement of RES 1.0 regio Drenthe: strive for 50% local ownership of NEW energy projects. Which
/// project is new is the region's one definition (<see cref="NewProjectRule"/>, by default entering procedure on or
/// after 1 July 2021, or not in procedure yet); earlier projects and withdrawn projects are shown apart and not
/// measured against the aim, and a project of which that date is not known is a data gap.
/// </summary>
public static class ParticipationCalculator
{
    /// <summary>RES 1.0 regio Drenthe, adopted 1 July 2021; the aim is repeated in the Notitie RES 2.0.</summary>
    public static readonly DateOnly AgreementDate = NewProjectRule.Default.From;

    public const decimal AimPercent = 50m;

    public static ParticipationSummary Calculate(IReadOnlyCollection<ParticipationFacts> projects, NewProjectRule? rule = null)
    {
        var definition = rule ?? NewProjectRule.Default;
        var living = projects.Where(p => p.Phase != Phase.Withdrawn).ToList();
        var novelty = living.ToLookup(p => definition.Classify(p.Phase, p.History, p.PhaseDate));
        var newProjects = novelty[Novelty.New].ToList();
        var known = newProjects.Where(p => p.LocalOwnershipPercent is not null).ToList();
        var capacity = known.Sum(p => p.CapacityMw);
        decimal? weighted = capacity > 0 ? known.Sum(p => p.CapacityMw * p.LocalOwnershipPercent!.Value) / capacity : null;
        return new(definition.From, AimPercent, newProjects, novelty[Novelty.Earlier].ToList(), known,
            known.Where(p => p.LocalOwnershipPercent >= AimPercent).ToList(),
            newProjects.Where(p => p.LocalOwnershipPercent is null).ToList(),
            weighted)
        {
            NewProjectsPhase = definition.Phase,
            NoveltyUnknown = novelty[Novelty.Unknown].ToList(),
        };
    }

    /// <summary>The first date on which the project was in procedure or further (withdrawal does not count).</summary>
    public static DateOnly? ProcedureStart(IEnumerable<PhaseChange> history) => NewProjectRule.Default.DecisiveDate(history);
}
