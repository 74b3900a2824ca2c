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

    /// <summary>The version in force on a date: the latest one that started on or before it, else the defaults.</summary>
    public static ForecastAssumptions InForce(IEnumerable<ForecastAssumptionRow> rows, DateOnly date)
    {
        var version = rows.Where(r => r.ValidFrom <= date)
            .GroupBy(r => (r.Version, r.ValidFrom))
            .OrderByDescending(g => g.Key.ValidFrom)
            .ThenByDescending(g => g.Key.Version, StringComparer.Ordinal)
            .FirstOrDefault();
        if (version is null)
        {
            return ForecastAssumptions.Defaults;
        }

        return new ForecastAssumptions(
            version.Key.Version,
            version.Key.ValidFrom,
            version.First().Source,
            version.OrderBy(r => r.Phase).Select(r => new PhaseAssumption(r.Phase, (double)r.RealisationProbability, (double)r.MinMonths, (double)r.ModeMonths, (double)r.MaxMonths, r.Reasoning)).ToList());
    }

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
