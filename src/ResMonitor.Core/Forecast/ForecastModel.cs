using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;

namespace ResMonitor.Core.Forecast;

/// <summary>One project as the forecast sees it: its phase since a date, its yearly yield, and where it counts.</summary>
/// <param name="NotBefore">After a recorded delay (planuitval): the project is not realised before this date.</param>
public sealed record ForecastProject(
    string Id, string Name, Technique Technique, string Municipality, Phase Phase, DateOnly PhaseDate, double YieldMwh, DateOnly? NotBefore = null);

public sealed record ForecastInput(
    DateOnly ReferenceDate,
    int TargetYear,
    double TargetMwh,
    IReadOnlyList<ForecastProject> Projects,
    IReadOnlyDictionary<Technique, double>? TechniqueTargetsMwh = null);

/// <summary>How many runs, from which seed, and how far ahead to look for the year the target is reached.</summary>
public sealed record ForecastSettings(int Runs = 10_000, ulong Seed = 2030, int LastYear = 2050);

/// <summary>Generation in the target year (MWh per year): the simulated P10/P50/P90 and mean, and the exact expected value.</summary>
public sealed record Spread(double P10, double P50, double P90, double Mean, double Expected);

public sealed record GroupForecast(string Key, double RealisedMwh, Spread TargetYear, double? TargetMwh);

/// <summary>A project whose outcome moves the regional total most: large and uncertain.</summary>
public sealed record ProjectInfluence(string Id, string Name, Phase Phase, double YieldMwh, double ProbabilityByTargetYear, double UncertaintyMwh);

public sealed record YearChance(int Year, double ProbabilityTargetReached);

public sealed record ForecastResult(
    DateOnly ReferenceDate,
    int TargetYear,
    double TargetMwh,
    int Runs,
    ulong Seed,
    string AssumptionsVersion,
    double RealisedMwh,
    Spread TargetYearMwh,
    double ProbabilityOfReachingTarget,
    int? MedianYearReached,
    IReadOnlyList<YearChance> ByYear,
    IReadOnlyList<GroupForecast> ByTechnique,
    IReadOnlyList<GroupForecast> ByMunicipality,
    IReadOnlyList<ProjectInfluence> MostInfluential);

/// <summary>
/// The 2030 forecast: a seeded Monte Carlo simulation over every project. For a project in phase f since date d, it is
/// realised with probability p(f), after a triangular delay from d; a realisation date before the reference date
/// counts as "now". Each draw comes from a counter-based generator keyed by (seed, run, project), so the result does
/// not depend on how the runs are spread over threads: the same seed gives the same result.
/// </summary>
public static class ForecastModel
{
    private const double DaysPerMonth = 365.2425 / 12;

    public static ForecastResult Run(ForecastInput input, ForecastAssumptions assumptions, ForecastSettings settings)
    {
        if (assumptions.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(assumptions));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Runs, 1);
        var firstYear = input.ReferenceDate.Year;
        var lastYear = Math.Max(settings.LastYear, input.TargetYear);
        var years = lastYear - firstYear + 1;
        var targetIndex = input.TargetYear - firstYear;
        if (targetIndex < 0)
        {
            throw new ArgumentException("Het doeljaar ligt voor de peildatum.", nameof(input));
        }

        // Realised projects are certain: they are added once, not drawn.
        var realised = input.Projects.Where(p => p.Phase == Phase.Realised).ToList();
        var open = input.Projects.Where(p => p.Phase is not Phase.Realised and not Phase.Withdrawn && p.YieldMwh > 0).ToList();
        var techniques = Enum.GetValues<Technique>();
        var municipalities = input.Projects.Select(p => p.Municipality).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var municipalityIndex = municipalities.Select((m, i) => (m, i)).ToDictionary(x => x.m, x => x.i, StringComparer.Ordinal);
        var groups = techniques.Length + municipalities.Count;

        // Per open project: the chance to be realised by the end of each year (rising), in one flat array, and the last
        // one apart, because most draws only need that one.
        var n = open.Count;
        var thresholds = new double[n * years];
        var byLastYear = new double[n];
        var yields = new double[n];
        var techniqueOf = new int[n];
        var municipalityOf = new int[n];
        for (var i = 0; i < n; i++)
        {
            var project = open[i];
            var assumption = assumptions.For(project.Phase);
            for (var y = 0; y < years; y++)
            {
                var endOfYear = new DateOnly(firstYear + y, 12, 31);
                var months = (endOfYear.DayNumber - project.PhaseDate.DayNumber) / DaysPerMonth;
                thresholds[(i * years) + y] = project.NotBefore > endOfYear
                    ? 0
                    : assumption.RealisationProbability * Triangular.Cdf(months, assumption.MinMonths, assumption.ModeMonths, assumption.MaxMonths);
            }

            byLastYear[i] = thresholds[(i * years) + years - 1];
            yields[i] = project.YieldMwh;
            techniqueOf[i] = Array.IndexOf(techniques, project.Technique);
            municipalityOf[i] = techniques.Length + municipalityIndex[project.Municipality];
        }

        var realisedTotal = realised.Sum(p => p.YieldMwh);
        var groupBase = new double[groups];
        foreach (var p in realised)
        {
            groupBase[Array.IndexOf(techniques, p.Technique)] += p.YieldMwh;
            groupBase[techniques.Length + municipalityIndex[p.Municipality]] += p.YieldMwh;
        }

        var totals = new double[settings.Runs];
        var groupTotals = new double[settings.Runs * groups];
        var yearReached = new int[settings.Runs];
        Parallel.For(0, settings.Runs, () => new double[years], (run, _, added) =>
        {
            Array.Clear(added);
            var groupRow = groupTotals.AsSpan(run * groups, groups);
            groupBase.CopyTo(groupRow);
            for (var i = 0; i < n; i++)
            {
                var u = Uniform(settings.Seed, run, i);
                if (u >= byLastYear[i])
                {
                    continue;
                }

                var row = thresholds.AsSpan(i * years, years);
                var y = 0;
                while (u >= row[y])
                {
                    y++;
                }

                added[y] += yields[i];
                if (y <= targetIndex)
                {
                    groupRow[techniqueOf[i]] += yields[i];
                    groupRow[municipalityOf[i]] += yields[i];
                }
            }

            var cumulative = realisedTotal;
            yearReached[run] = int.MaxValue;
            for (var y = 0; y < years; y++)
            {
                cumulative += added[y];
                if (y == targetIndex)
                {
                    totals[run] = cumulative;
                }

                if (yearReached[run] == int.MaxValue && cumulative >= input.TargetMwh)
                {
                    yearReached[run] = firstYear + y;
                }
            }

            return added;
        }, _ => { });

        // The exact expected value: realised plus, per open project, its yield times its chance by the target year.
        double ExpectedFor(Func<int, bool> inGroup, double start)
        {
            var sum = start;
            for (var i = 0; i < n; i++)
            {
                if (inGroup(i))
                {
                    sum += yields[i] * thresholds[(i * years) + targetIndex];
                }
            }

            return sum;
        }

        var sortedYears = yearReached.Order().ToArray();
        var median = sortedYears[(sortedYears.Length - 1) / 2];
        var byTechnique = techniques.Select((t, g) => new GroupForecast(
                Labels.TechniqueKey(t), groupBase[g], SpreadOf(Column(groupTotals, groups, g), ExpectedFor(i => techniqueOf[i] == g, groupBase[g])),
                input.TechniqueTargetsMwh is { } targets && targets.TryGetValue(t, out var target) ? target : null))
            .ToList();
        var byMunicipality = municipalities.Select((m, k) =>
            {
                var g = techniques.Length + k;
                return new GroupForecast(m, groupBase[g], SpreadOf(Column(groupTotals, groups, g), ExpectedFor(i => municipalityOf[i] == g, groupBase[g])), null);
            })
            .ToList();
        var influence = Enumerable.Range(0, n)
            .Select(i =>
            {
                var q = thresholds[(i * years) + targetIndex];
                return new ProjectInfluence(open[i].Id, open[i].Name, open[i].Phase, yields[i], q, yields[i] * Math.Sqrt(q * (1 - q)));
            })
            .OrderByDescending(x => x.UncertaintyMwh)
            .ThenBy(x => x.Id, StringComparer.Ordinal)
            .Take(10)
            .ToList();

        return new ForecastResult(
            input.ReferenceDate,
            input.TargetYear,
            input.TargetMwh,
            settings.Runs,
            settings.Seed,
            assumptions.Version,
            realisedTotal,
            SpreadOf(totals, ExpectedFor(_ => true, realisedTotal)),
            totals.Count(t => t >= input.TargetMwh) / (double)settings.Runs,
            median == int.MaxValue ? null : median,
            Enumerable.Range(firstYear, years).Select(y => new YearChance(y, yearReached.Count(r => r <= y) / (double)settings.Runs)).ToList(),
            byTechnique,
            byMunicipality,
            influence);
    }

    /// <summary>A uniform number in [0, 1) that depends only on (seed, run, project): SplitMix64's mixing of a counter.</summary>
    internal static double Uniform(ulong seed, int run, int project)
    {
        var z = seed + ((((ulong)(uint)run << 32) | (uint)project) * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    private static double[] Column(double[] table, int width, int column)
    {
        var result = new double[table.Length / width];
        for (var r = 0; r < result.Length; r++)
        {
            result[r] = table[(r * width) + column];
        }

        return result;
    }

    private static Spread SpreadOf(double[] values, double expected)
    {
        var sorted = values.Order().ToArray();
        double At(double q) => sorted[(int)Math.Floor(q * (sorted.Length - 1))];
        return new Spread(At(0.1), At(0.5), At(0.9), values.Average(), expected);
    }
}
