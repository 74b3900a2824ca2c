using ResMonitor.Core.Projects;

namespace ResMonitor.Core.Energy;

/// <summary>What the trend needs of a project: the overview's facts and its dated phase history.</summary>
public sealed record ProjectHistory(ProjectFacts Facts, IReadOnlyList<PhaseChange> History);

/// <summary>
/// One year of the trend: the yearly generation of the projects that were realised, or permitted or in procedure,
/// at the end of that year (for the current year: on the reference date).
/// </summary>
public sealed record TrendPoint(
    int Year,
    DateOnly AsOf,
    decimal RealisedMwh,
    decimal PipelineMwh,
    decimal RealisedMw,
    decimal PipelineMw,
    int RealisedProjects,
    int PipelineProjects);

public sealed record Trend(DateOnly ReferenceDate, IReadOnlyList<TrendPoint> Points, int ProjectsWithoutHistory);

/// <summary>
/// The region's progress over the years, rebuilt from each project's dated phase history. A project counts in a year
/// with the phase it had on the last day of that year, grouped as in the overview: realised, or "vergund of in
/// procedure" (in procedure up to under construction); ideas and withdrawn projects do not count. Its yield is the
/// overview's: the measurement where there is one, otherwise capacity x the full-load hours valid on that day.
/// </summary>
public static class TrendCalculator
{
    public static Trend Calculate(
        IReadOnlyCollection<ProjectHistory> projects, IReadOnlyCollection<FullLoadHours> hours, DateOnly referenceDate)
    {
        var dated = projects
            .Select(p => (p.Facts, History: p.History.Where(h => h.Date <= referenceDate)
                .Select((h, i) => (h, i)).OrderBy(x => x.h.Date).ThenBy(x => x.i).Select(x => x.h).ToList()))
            .ToList();
        var withoutHistory = dated.Count(p => p.History.Count == 0);
        var first = dated.Where(p => p.History.Count > 0).Select(p => p.History[0].Date.Year).DefaultIfEmpty(referenceDate.Year).Min();

        var points = new List<TrendPoint>();
        for (var year = first; year <= referenceDate.Year; year++)
        {
            var asOf = year == referenceDate.Year ? referenceDate : new DateOnly(year, 12, 31);
            var calculator = new YieldCalculator(hours, asOf);
            decimal realised = 0, pipeline = 0, realisedMw = 0, pipelineMw = 0;
            int realisedCount = 0, pipelineCount = 0;
            foreach (var (facts, history) in dated)
            {
                var phase = History.RegisterState.StepOn(history, asOf)?.Phase;
                if (phase is null)
                {
                    continue;
                }

                var group = phase.Value.Group();
                if (group is not (PhaseGroup.Realised or PhaseGroup.Pipeline))
                {
                    continue;
                }

                var yield = calculator.Estimate(facts.Technique, facts.CapacityMw, facts.MunicipalityId, facts.MeasuredYieldMwh).Mwh;
                if (group == PhaseGroup.Realised)
                {
                    realised += yield;
                    realisedMw += facts.CapacityMw;
                    realisedCount++;
                }
                else
                {
                    pipeline += yield;
                    pipelineMw += facts.CapacityMw;
                    pipelineCount++;
                }
            }

            points.Add(new(year, asOf, realised, pipeline, realisedMw, pipelineMw, realisedCount, pipelineCount));
        }

        return new(referenceDate, points, withoutHistory);
    }
}
