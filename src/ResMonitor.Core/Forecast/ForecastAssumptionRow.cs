using ResMonitor.Core.Projects;

namespace ResMonitor.Core.Forecast;

/// <summary>
/// One phase of one stored version of the forecast assumptions. Versions are never edited in place: new figures get
/// a new version with its own start date, so any published forecast can be reproduced with the assumptions it used.
/// </summary>
public sealed class ForecastAssumptionRow
{
    public int Id { get; set; }

    public required string RegionId { get; set; }

    public required string Version { get; set; }

    public DateOnly ValidFrom { get; set; }

    public required string Source { get; set; }

    public Phase Phase { get; set; }

    public decimal RealisationProbability { get; set; }

    public decimal MinMonths { get; set; }

    public decimal ModeMonths { get; set; }

    public decimal MaxMonths { get; set; }

    public required string Reasoning { get; set; }

    /// <summary>
    /// The version in force on a date: the latest valid one that started on or before it (the latest saved when two
    /// start on the same day), else the defaults. A stored version that cannot be used is passed over, not fatal.
    /// </summary>
    public static ForecastAssumptions InForce(IEnumerable<ForecastAssumptionRow> rows, DateOnly date) =>
        StoredAssumptions.InForce(Versions(rows), date);

    /// <summary>Every stored version, newest first (by start date, then by when it was saved), with its problems.</summary>
    public static IReadOnlyList<StoredAssumptions> Versions(IEnumerable<ForecastAssumptionRow> rows) =>
        rows.GroupBy(r => (r.Version, r.ValidFrom))
            .Select(g => new StoredAssumptions(
                new ForecastAssumptions(
                    g.Key.Version,
                    g.Key.ValidFrom,
                    g.OrderBy(r => r.Id).First().Source,
                    g.OrderBy(r => r.Phase).Select(r => new PhaseAssumption(r.Phase, (double)r.RealisationProbability, (double)r.MinMonths, (double)r.ModeMonths, (double)r.MaxMonths, r.Reasoning)).ToList()),
                g.Max(r => r.Id)))
            .OrderByDescending(v => v.ValidFrom)
            .ThenByDescending(v => v.LastRowId)
            .ThenByDescending(v => v.Assumptions.Version, StringComparer.Ordinal)
            .ToList();

    public static IEnumerable<ForecastAssumptionRow> From(string regionId, ForecastAssumptions assumptions) =>
        assumptions.Phases.Select(p => new ForecastAssumptionRow
        {
            RegionId = regionId,
            Version = assumptions.Version,
            ValidFrom = assumptions.ValidFrom,
            Source = assumptions.Source,
            Phase = p.Phase,
            RealisationProbability = (decimal)p.RealisationProbability,
            MinMonths = (decimal)p.MinMonths,
            ModeMonths = (decimal)p.ModeMonths,
            MaxMonths = (decimal)p.MaxMonths,
            Reasoning = p.Reasoning,
        });
}

/// <summary>One stored version of the assumptions, with what is wrong with it (nothing when it can be used).</summary>
public sealed record StoredAssumptions(ForecastAssumptions Assumptions, int LastRowId)
{
    public DateOnly ValidFrom => Assumptions.ValidFrom;

    public IReadOnlyList<AssumptionProblem> Problems { get; } = Assumptions.FieldProblems();

    public bool IsValid => Problems.Count == 0;

    /// <summary>Of versions ordered newest first: the first valid one that started on or before the date, else the defaults.</summary>
    public static ForecastAssumptions InForce(IEnumerable<StoredAssumptions> newestFirst, DateOnly date) =>
        newestFirst.FirstOrDefault(v => v.ValidFrom <= date && v.IsValid)?.Assumptions ?? ForecastAssumptions.Defaults;
}
