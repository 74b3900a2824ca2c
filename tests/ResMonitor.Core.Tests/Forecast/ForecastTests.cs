using ResMonitor.Core.Energy;
using ResMonitor.Core.Forecast;
using ResMonitor.Core.Projects;

namespace ResMonitor.Core.Tests;

public sealed class ForecastTests
{
    private static readonly DateOnly Today = new(2025, 7, 1);

    [Fact]
    public void The_same_seed_gives_the_same_forecast_and_another_seed_another_draw()
    {
        var input = Pipeline(2_000);

        var first = ForecastModel.Run(input, ForecastAssumptions.Defaults, new(Runs: 2_000, Seed: 7));
        var again = ForecastModel.Run(input, ForecastAssumptions.Defaults, new(Runs: 2_000, Seed: 7));
        var other = ForecastModel.Run(input, ForecastAssumptions.Defaults, new(Runs: 2_000, Seed: 8));

        Assert.Equal(first.TargetYearMwh, again.TargetYearMwh);
        Assert.Equal(first.ProbabilityOfReachingTarget, again.ProbabilityOfReachingTarget);
        Assert.Equal(first.ByMunicipality, again.ByMunicipality);
        Assert.NotEqual(first.TargetYearMwh.Mean, other.TargetYearMwh.Mean);
    }

    [Fact]
    public void The_simulated_mean_lies_within_half_a_percent_of_the_exact_expected_value()
    {
        var result = ForecastModel.Run(Pipeline(3_000), ForecastAssumptions.Defaults, new(Runs: 10_000, Seed: 2030));

        var spread = result.TargetYearMwh;
        Assert.InRange(spread.Mean, spread.Expected * 0.995, spread.Expected * 1.005);
        Assert.All(result.ByTechnique.Where(t => t.TargetYear.Expected > 0), t =>
            Assert.InRange(t.TargetYear.Mean, t.TargetYear.Expected * 0.99, t.TargetYear.Expected * 1.01));
        Assert.True(spread.P10 <= spread.P50 && spread.P50 <= spread.P90);
    }

    [Fact]
    public void The_expected_value_is_realised_plus_each_open_project_times_its_chance_by_the_target_year()
    {
        // Under construction since 1 January 2025, delay 3 to 18 months: certainly done by the end of 2030 if realised.
        var input = new ForecastInput(Today, 2030, 1_000, [
            Project("R", Phase.Realised, 400),
            Project("B", Phase.UnderConstruction, 200, since: new(2025, 1, 1)),
            Project("W", Phase.Withdrawn, 999),
        ]);

        var result = ForecastModel.Run(input, ForecastAssumptions.Defaults, new(Runs: 1_000));

        Assert.Equal(400 + (0.95 * 200), result.TargetYearMwh.Expected, 6);
        Assert.Equal(400, result.RealisedMwh);
        Assert.Equal(0, result.ProbabilityOfReachingTarget);
        Assert.Null(result.MedianYearReached);
    }

    [Fact]
    public void A_target_already_realised_is_reached_with_certainty_this_year()
    {
        var input = new ForecastInput(Today, 2030, 500, [Project("R", Phase.Realised, 600), Project("I", Phase.Idea, 100)]);

        var result = ForecastModel.Run(input, ForecastAssumptions.Defaults, new(Runs: 500));

        Assert.Equal(1, result.ProbabilityOfReachingTarget);
        Assert.Equal(2025, result.MedianYearReached);
        Assert.Equal(600, result.TargetYearMwh.P10);
        Assert.All(result.ByYear, y => Assert.Equal(1, y.ProbabilityTargetReached));
    }

    [Fact]
    public void A_higher_realisation_chance_raises_and_a_longer_delay_lowers_the_chance_of_reaching_the_target()
    {
        var input = Pipeline(1_500);
        var settings = new ForecastSettings(Runs: 4_000, Seed: 11);
        var baseline = ForecastModel.Run(input, ForecastAssumptions.Defaults, settings);

        var optimistic = ForecastModel.Run(input, With(Phase.InProcedure, a => a with { RealisationProbability = 0.9 }), settings);
        var slower = ForecastModel.Run(input, With(Phase.InProcedure, a => a with { MinMonths = 60, ModeMonths = 80, MaxMonths = 120 }), settings);

        Assert.InRange(baseline.ProbabilityOfReachingTarget, 0.05, 0.95);
        Assert.True(optimistic.ProbabilityOfReachingTarget > baseline.ProbabilityOfReachingTarget);
        Assert.True(optimistic.TargetYearMwh.Expected > baseline.TargetYearMwh.Expected);
        Assert.True(slower.ProbabilityOfReachingTarget < baseline.ProbabilityOfReachingTarget);
    }

    [Fact]
    public void The_chance_of_reaching_the_target_never_falls_over_the_years()
    {
        var result = ForecastModel.Run(Pipeline(1_000), ForecastAssumptions.Defaults, new(Runs: 2_000));

        var chances = result.ByYear.Select(y => y.ProbabilityTargetReached).ToList();
        Assert.Equal(chances.Order(), chances);
        Assert.Equal(2025, result.ByYear[0].Year);
        Assert.Equal(2050, result.ByYear[^1].Year);
    }

    [Fact]
    public void The_large_uncertain_project_matters_most()
    {
        var input = new ForecastInput(Today, 2030, 1_000, [
            Project("small", Phase.InProcedure, 10),
            Project("large", Phase.Permitted, 500),
            Project("certain", Phase.UnderConstruction, 500, since: new(2024, 1, 1)),
            Project("done", Phase.Realised, 900),
        ]);

        var result = ForecastModel.Run(input, ForecastAssumptions.Defaults, new(Runs: 100));

        Assert.Equal(["large", "certain", "small"], result.MostInfluential.Select(p => p.Id));
    }

    [Fact]
    public void Groups_add_up_to_the_region()
    {
        var result = ForecastModel.Run(Pipeline(800), ForecastAssumptions.Defaults, new(Runs: 500));

        Assert.Equal(result.TargetYearMwh.Expected, result.ByTechnique.Sum(t => t.TargetYear.Expected), 3);
        Assert.Equal(result.TargetYearMwh.Expected, result.ByMunicipality.Sum(t => t.TargetYear.Expected), 3);
        Assert.Equal(result.RealisedMwh, result.ByMunicipality.Sum(t => t.RealisedMwh), 3);
    }

    [Theory]
    [InlineData(1.2, 12, 24, 36, "kans op realisatie moet tussen 0 en 1")]
    [InlineData(-0.1, 12, 24, 36, "kans op realisatie moet tussen 0 en 1")]
    [InlineData(0.5, -1, 24, 36, "vertraging kan niet negatief")]
    [InlineData(0.5, 30, 24, 36, "moet oplopen")]
    public void Assumptions_outside_their_range_are_refused_with_a_reason(double p, double min, double mode, double max, string reason)
    {
        var bad = With(Phase.Permitted, a => a with { RealisationProbability = p, MinMonths = min, ModeMonths = mode, MaxMonths = max });

        Assert.Contains(bad.Problems(), problem => problem.Contains(reason, StringComparison.Ordinal) && problem.Contains("vergund", StringComparison.Ordinal));
        var error = Assert.Throws<ArgumentException>(() => ForecastModel.Run(Pipeline(10), bad, new(Runs: 10)));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_assumptions_are_complete_and_valid()
    {
        Assert.Empty(ForecastAssumptions.Defaults.Problems());
        Assert.All(ForecastAssumptions.Defaults.Phases, a => Assert.False(string.IsNullOrWhiteSpace(a.Reasoning)));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(12, 0)]
    [InlineData(24, 0.5)]
    [InlineData(36, 1)]
    [InlineData(18, 0.125)]
    public void The_triangular_distribution_is_exact(double months, double expected)
    {
        Assert.Equal(expected, Triangular.Cdf(months, 12, 24, 36), 10);
    }

    private static ForecastAssumptions With(Phase phase, Func<PhaseAssumption, PhaseAssumption> change) =>
        ForecastAssumptions.Defaults with
        {
            Phases = ForecastAssumptions.Defaults.Phases.Select(a => a.Phase == phase ? change(a) : a).ToList(),
        };

    private static ForecastProject Project(string id, Phase phase, double yield, DateOnly? since = null, Technique technique = Technique.Wind, string municipality = "GM0106") =>
        new(id, id, technique, municipality, phase, since ?? Today, yield);

    /// <summary>A deterministic mixed pipeline whose target is its exact expected total, so chances can move both ways.</summary>
    private static ForecastInput Pipeline(int count)
    {
        var random = new Random(42);
        var phases = Enum.GetValues<Phase>();
        var techniques = new[] { Technique.Wind, Technique.SolarOnLand, Technique.SolarOnRoof };
        var projects = Enumerable.Range(0, count).Select(i => new ForecastProject(
            $"P{i}", $"Project {i}", techniques[i % 3], $"GM{i % 12:0000}", phases[random.Next(phases.Length)],
            Today.AddDays(-random.Next(0, 2_000)), random.Next(1_000, 60_000))).ToList();
        var draft = new ForecastInput(Today, 2030, 0, projects);
        var expected = ForecastModel.Run(draft, ForecastAssumptions.Defaults, new(Runs: 1)).TargetYearMwh.Expected;
        return draft with { TargetMwh = expected };
    }
}
