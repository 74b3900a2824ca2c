using ResMonitor.Core.Energy;
using ResMonitor.Core.Forecast;
using ResMonitor.Core.Projects;

namespace ResMonitor.Core.Tests.Forecast;

/// <summary>The year the target is reached, and the messages when the forecast cannot be made.</summary>
public sealed class ForecastModelBoundaryTests
{
    private static readonly DateOnly Today = new(2025, 7, 1);

    /// <summary>A project under construction is realised for certain, 3 to 18 months after it started building.</summary>
    private static readonly ForecastAssumptions Certain = ForecastAssumptions.Defaults with
    {
        Phases = ForecastAssumptions.Defaults.Phases.Select(a => a.Phase == Phase.UnderConstruction ? a with { RealisationProbability = 1.0 } : a).ToList(),
    };

    [Fact]
    public void A_target_reached_by_a_project_delayed_to_2027_is_reached_in_2027()
    {
        var input = new ForecastInput(Today, 2030, 1_000, [
            new ForecastProject("R", "Bestaand", Technique.Wind, "GM0106", Phase.Realised, new(2020, 1, 1), 600),
            new ForecastProject("B", "In aanbouw", Technique.Wind, "GM0106", Phase.UnderConstruction, new(2025, 1, 1), 400, NotBefore: new(2027, 6, 1)),
        ]);

        var result = ForecastModel.Run(input, Certain, new(Runs: 50));

        Assert.Equal(2027, result.MedianYearReached);
        Assert.Equal([0, 0, 1, 1], result.ByYear.Take(4).Select(y => y.ProbabilityTargetReached));
        Assert.Equal([2025, 2026, 2027, 2028], result.ByYear.Take(4).Select(y => y.Year));
        Assert.Equal(1, result.ProbabilityOfReachingTarget);
    }

    [Fact]
    public void Assumptions_that_cannot_be_used_are_refused_with_every_problem()
    {
        var bad = ForecastAssumptions.Defaults with { Source = " ", Phases = ForecastAssumptions.Defaults.Phases.Where(a => a.Phase != Phase.Idea).ToList() };
        var input = new ForecastInput(Today, 2030, 1_000, []);

        var error = Assert.Throws<ArgumentException>(() => ForecastModel.Run(input, bad, new(Runs: 10)));

        Assert.Equal("assumptions", error.ParamName);
        Assert.StartsWith("Geef de bron of de reden van deze aannames. Er is geen aanname voor de fase idee.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_year_before_the_reference_date_is_refused()
    {
        var input = new ForecastInput(Today, 2024, 1_000, []);

        var error = Assert.Throws<ArgumentException>(() => ForecastModel.Run(input, ForecastAssumptions.Defaults, new(Runs: 10)));

        Assert.Equal("input", error.ParamName);
        Assert.StartsWith("Het doeljaar ligt voor de peildatum.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_draws_are_SplitMix64_so_a_published_seed_gives_the_same_forecast_in_every_version()
    {
        // SplitMix64 from state 0: its first outputs are 0xE220A8397B1DCDAF and 0x6E789E6AA1B965F4; a draw keeps the
        // top 53 bits. Counter 1 and 2 are (run 0, project 1) and (run 0, project 2).
        Assert.Equal((0xE220A8397B1DCDAFUL >> 11) / (double)(1UL << 53), ForecastModel.Uniform(0, 0, 1));
        Assert.Equal((0x6E789E6AA1B965F4UL >> 11) / (double)(1UL << 53), ForecastModel.Uniform(0, 0, 2));
        Assert.NotEqual(ForecastModel.Uniform(0, 1, 2), ForecastModel.Uniform(0, 2, 1));
    }

    [Fact]
    public void A_target_year_of_the_reference_year_is_allowed()
    {
        var input = new ForecastInput(Today, 2025, 100, [new ForecastProject("R", "Bestaand", Technique.Wind, "GM0106", Phase.Realised, new(2020, 1, 1), 600)]);

        var result = ForecastModel.Run(input, ForecastAssumptions.Defaults, new(Runs: 10));

        Assert.Equal(2025, result.MedianYearReached);
        Assert.Equal(600, result.TargetYearMwh.P50);
    }
}
