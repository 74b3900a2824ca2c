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
    bool IsExample);

public sealed record ParticipationSummary(
    DateOnly AgreementDate,
    decimal AimPercent,
    IReadOnlyList<ParticipationFacts> NewProjects,
    IReadOnlyList<ParticipationFacts> EarlierProjects,
    IReadOnlyList<ParticipationFacts> Known,
    IReadOnlyList<ParticipationFacts> AtOrAboveAim,
    IReadOnlyList<ParticipationFacts> WithoutData,
    decimal? CapacityWeightedPercent)
{
    public IEnumerable<ParticipationFacts> WithParticipationText =>
        NewProjects.Concat(EarlierProjects).Where(p => !string.IsNullOrWhiteSpace(p.Participation));
}

/// <summary>
/// The regional agreement of RES 1.0 regio Drenthe: strive for 50% local ownership of NEW energy projects. A project
/// is new when it entered procedure on or after the agreement (or has not entered procedure yet); projects that were
/// already in procedure before it, and withdrawn projects, are shown apart and not measured against the aim.
/// </summary>
public static class ParticipationCalculator
{
    /// <summary>RES 1.0 regio Drenthe, adopted 1 July 2021; the aim is repeated in the Notitie RES 2.0.</summary>
    public static readonly DateOnly AgreementDate = new(2021, 7, 1);

    public const decimal AimPercent = 50m;

    public static ParticipationSummary Calculate(IReadOnlyCollection<ParticipationFacts> projects, DateOnly? agreementDate = null)
    {
        var agreement = agreementDate ?? AgreementDate;
        var living = projects.Where(p => p.Phase != Phase.Withdrawn).ToList();
        var isNew = living.ToLookup(p => ProcedureStart(p.History) is not { } start || start >= agreement);
        var newProjects = isNew[true].ToList();
        var known = newProjects.Where(p => p.LocalOwnershipPercent is not null).ToList();
        var capacity = known.Sum(p => p.CapacityMw);
        decimal? weighted = capacity > 0 ? known.Sum(p => p.CapacityMw * p.LocalOwnershipPercent!.Value) / capacity : null;
        return new(agreement, AimPercent, newProjects, isNew[false].ToList(), known,
            known.Where(p => p.LocalOwnershipPercent >= AimPercent).ToList(),
            newProjects.Where(p => p.LocalOwnershipPercent is null).ToList(),
            weighted);
    }

    /// <summary>The first date on which the project was in procedure or further (withdrawal does not count).</summary>
    public static DateOnly? ProcedureStart(IEnumerable<PhaseChange> history) =>
        history.Where(h => h.Phase is not (Phase.Idea or Phase.Withdrawn)).Select(h => (DateOnly?)h.Date).Min();
}
