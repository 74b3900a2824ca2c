using ResMonitor.Core.Projects;

namespace ResMonitor.Core.Indicators;

/// <summary>What the permit indicator needs of a project and its permits.</summary>
public sealed record PermitFacts(string Id, decimal CapacityMw, Phase Phase, IReadOnlyList<Permit> Permits);

public sealed record CountAndCapacity(int Projects, decimal CapacityMw);

public sealed record PermitProgress(
    IReadOnlyList<(Phase Phase, CountAndCapacity Value)> ByPhase,
    CountAndCapacity GrantedBeforeDeadline,
    CountAndCapacity GrantedOnOrAfterDeadline,
    CountAndCapacity AppliedNotGranted,
    IReadOnlyList<(CompetentAuthority Authority, CountAndCapacity Value)> ByAuthority,
    DateOnly Deadline);

/// <summary>
/// Progress in spatial planning and permits. Per the Klimaatakkoord, permits for the 2030 target had to be granted by
/// 1 January 2025; a project counts once, with its first granted permit.
/// </summary>
public static class PermitProgressCalculator
{
    public static readonly DateOnly Deadline = new(2025, 1, 1);

    public static PermitProgress Calculate(IReadOnlyCollection<PermitFacts> projects)
    {
        var byPhase = Enum.GetValues<Phase>()
            .Select(phase => (phase, Sum(projects.Where(p => p.Phase == phase))))
            .ToList();
        var granted = projects
            .Select(p => (Project: p, Granted: p.Permits.Where(x => x.GrantedOn is not null).Min(x => x.GrantedOn)))
            .ToList();
        var before = granted.Where(g => g.Granted < Deadline).Select(g => g.Project);
        var after = granted.Where(g => g.Granted >= Deadline).Select(g => g.Project);
        var applied = granted.Where(g => g.Granted is null && g.Project.Permits.Count > 0).Select(g => g.Project);

        // The competent authority of the project's latest permit.
        var authorities = projects
            .Where(p => p.Permits.Count > 0)
            .Select(p => (Project: p, p.Permits.OrderByDescending(x => x.GrantedOn ?? x.AppliedOn ?? DateOnly.MinValue).ThenByDescending(x => x.Id).First().CompetentAuthority))
            .ToList();
        var byAuthority = Enum.GetValues<CompetentAuthority>()
            .Select(a => (a, Sum(authorities.Where(x => x.CompetentAuthority == a).Select(x => x.Project))))
            .ToList();
        return new(byPhase, Sum(before), Sum(after), Sum(applied), byAuthority, Deadline);
    }

    private static CountAndCapacity Sum(IEnumerable<PermitFacts> projects)
    {
        var list = projects.ToList();
        return new(list.Count, list.Sum(p => p.CapacityMw));
    }
}
