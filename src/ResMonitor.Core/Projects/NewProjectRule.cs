using ResMonitor.Core.Regions;

namespace ResMonitor.Core.Projects;

/// <summary>Whether a project counts as new: yes, no, or not known (a data gap, never a guess).</summary>
public enum Novelty
{
    New,
    Earlier,
    Unknown,
}

/// <summary>
/// The one definition of a "new project", used by every signal and indicator (docs/decisions/0016): a project is new
/// when it first reached <see cref="Phase"/> (or any later phase) on or after <see cref="From"/>, or has not reached it
/// yet. A project that is past that phase without a dated step is not known to be new or not. Withdrawn projects are
/// never new. Each region can set both in region.json ("newProjects"); the default is the RES 1.0 agreement of
/// Drenthe: entering procedure on or after 1 July 2021, the day the councils had adopted RES 1.0.
/// </summary>
public sealed record NewProjectRule(DateOnly From, Phase Phase)
{
    public static readonly NewProjectRule Default = new(new DateOnly(2021, 7, 1), Phase.InProcedure);

    public static NewProjectRule Of(Region? region) =>
        new(region?.NewProjectsFrom ?? Default.From, region?.NewProjectsPhase ?? Default.Phase);

    /// <summary>The first day the project was in <see cref="Phase"/> or further (withdrawal does not count).</summary>
    public DateOnly? DecisiveDate(IEnumerable<PhaseChange> history) =>
        history.Where(h => h.Phase >= Phase && h.Phase != Projects.Phase.Withdrawn).Select(h => (DateOnly?)h.Date).Min();

    /// <summary>New, earlier, or unknown, from the current phase and the dated history (the current phase's date counts as a step).</summary>
    public Novelty Classify(Phase current, IReadOnlyCollection<PhaseChange> history, DateOnly? currentPhaseDate = null)
    {
        if (current == Projects.Phase.Withdrawn)
        {
            return Novelty.Earlier;
        }

        var steps = currentPhaseDate is { } d && history.Count == 0
            ? [new PhaseChange { ProjectId = "", Phase = current, Date = d }]
            : history;
        if (DecisiveDate(steps) is { } date)
        {
            return date >= From ? Novelty.New : Novelty.Earlier;
        }

        // Not reached yet: new. Reached, but nobody recorded when: unknown.
        return current < Phase ? Novelty.New : Novelty.Unknown;
    }

    /// <summary>The rule in words, e.g. "in procedure op of na 1 juli 2021, of nog niet zo ver".</summary>
    public string Describe() => $"voor het eerst in de fase {Labels.Phase(Phase)} (of verder) op of na {DutchFormat.Date(From)}, of nog niet zo ver";

    /// <summary>The rule in English words, for the English pages.</summary>
    public string DescribeEnglish() => $"first in the phase {Labels.PhaseEnglish(Phase)} (or further) on or after {EnglishFormat.Date(From)}, or not that far yet";

}
