using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;

namespace ResMonitor.Core.Energy;

/// <summary>What the overview needs of a project; loaded as a projection so that large registers stay cheap.</summary>
/// <param name="RemainingShare">The part of a not yet realised project that still counts after a plan failure (planuitval).</param>
public sealed record ProjectFacts(
    string Id, Technique Technique, decimal CapacityMw, int MunicipalityId, Phase Phase, decimal? MeasuredYieldMwh,
    bool IsExample, decimal RemainingShare = 1m, DateOnly? SourceDate = null);

/// <summary>One row of the RES 2.0 overview: realised, permitted or in procedure, ideas, against a target.</summary>
public sealed record OverviewLine(
    string Key,
    string Label,
    decimal? TargetMwh,
    decimal RealisedMwh,
    decimal PipelineMwh,
    decimal IdeaMwh,
    decimal RealisedMw,
    decimal PipelineMw,
    int ProjectCount,
    int ProjectsWithoutYield,
    decimal FailedMwh = 0m)
{
    /// <summary>The part of the target not yet covered by realised or pipeline projects: the ambition to fill.</summary>
    public decimal? AmbitionMwh => TargetMwh is { } target ? Math.Max(0m, target - RealisedMwh - PipelineMwh) : null;

    public decimal? RealisedShare => TargetMwh is > 0m and { } target ? RealisedMwh / target : null;

    public decimal? RealisedOrPipelineShare => TargetMwh is > 0m and { } target ? (RealisedMwh + PipelineMwh) / target : null;
}

public sealed record Overview(
    string RegionId,
    DateOnly ReferenceDate,
    OverviewLine Total,
    IReadOnlyList<OverviewLine> ByTechnique,
    IReadOnlyList<OverviewLine> ByMunicipality,
    Target? TotalTarget,
    IReadOnlyList<Target> TechniqueTargets,
    IReadOnlyList<FullLoadHours> HoursUsed,
    int ExampleProjectCount,
    DateOnly? NewestSourceDate = null)
{
    /// <summary>The per-technique split need not add up to the total (Drenthe: 3.499 vs 3.45 TWh); both are shown.</summary>
    public decimal TechniqueTargetSumMwh => TechniqueTargets.Sum(t => t.ValueMwh);
}

public static class OverviewCalculator
{
    public static Overview Calculate(
        string regionId,
        IReadOnlyCollection<ProjectFacts> projects,
        IReadOnlyCollection<Organisation> municipalities,
        IReadOnlyCollection<Target> targets,
        IReadOnlyCollection<FullLoadHours> hours,
        DateOnly referenceDate,
        int targetYear = 2030)
    {
        var calculator = new YieldCalculator(hours, referenceDate);
        var estimated = projects
            .Where(p => p.Phase != Phase.Withdrawn)
            .Select(p => (Facts: p, Yield: calculator.Estimate(p.Technique, p.CapacityMw, p.MunicipalityId, p.MeasuredYieldMwh)))
            .ToList();

        var yearTargets = targets.Where(t => t.Year == targetYear).ToList();
        var totalTarget = yearTargets.FirstOrDefault(t => t.Technique is null);
        var techniqueTargets = yearTargets.Where(t => t.Technique is not null).OrderBy(t => t.Technique).ToList();

        var total = Line("totaal", "Totaal", totalTarget?.ValueMwh, estimated);
        var byTechnique = Enum.GetValues<Technique>()
            .Select(t => Line(Labels.TechniqueKey(t), Labels.Technique(t),
                techniqueTargets.FirstOrDefault(x => x.Technique == t)?.ValueMwh,
                estimated.Where(e => e.Facts.Technique == t)))
            .ToList();
        var byMunicipality = municipalities
            .OrderBy(m => m.Name, StringComparer.Create(Core.DutchFormat.Culture, ignoreCase: true))
            .Select(m => Line(m.Code, m.Name, null, estimated.Where(e => e.Facts.MunicipalityId == m.Id)))
            .ToList();
        var used = estimated.Where(e => e.Yield.HoursUsed is not null).Select(e => e.Yield.HoursUsed!)
            .Distinct().OrderBy(h => h.Technique).ToList();

        return new(regionId, referenceDate, total, byTechnique, byMunicipality, totalTarget, techniqueTargets, used,
            projects.Count(p => p.IsExample), projects.Max(p => p.SourceDate));
    }

    private static OverviewLine Line(
        string key, string label, decimal? target, IEnumerable<(ProjectFacts Facts, YieldEstimate Yield)> items)
    {
        decimal realised = 0, pipeline = 0, idea = 0, realisedMw = 0, pipelineMw = 0, failed = 0;
        int count = 0, withoutYield = 0;
        foreach (var (facts, estimate) in items)
        {
            count++;
            if (estimate.Basis == YieldBasis.Unknown)
            {
                withoutYield++;
            }

            switch (facts.Phase.Group())
            {
                case PhaseGroup.Realised:
                    realised += estimate.Mwh;
                    realisedMw += facts.CapacityMw;
                    break;
                case PhaseGroup.Pipeline:
                    pipeline += estimate.Mwh * facts.RemainingShare;
                    pipelineMw += facts.CapacityMw * facts.RemainingShare;
                    failed += estimate.Mwh * (1m - facts.RemainingShare);
                    break;
                case PhaseGroup.Idea:
                    idea += estimate.Mwh * facts.RemainingShare;
                    failed += estimate.Mwh * (1m - facts.RemainingShare);
                    break;
            }
        }

        return new(key, label, target, realised, pipeline, idea, realisedMw, pipelineMw, count, withoutYield, failed);
    }
}
