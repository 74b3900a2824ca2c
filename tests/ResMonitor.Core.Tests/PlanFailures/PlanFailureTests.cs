using ResMonitor.Core.Energy;
using ResMonitor.Core.Forecast;
using ResMonitor.Core.PlanFailures;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;

namespace ResMonitor.Core.Tests;

public sealed class PlanFailureTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Fact]
    public void A_plan_failure_on_a_realised_project_without_a_reason_is_refused()
    {
        var realised = new Project { Id = "p", RegionId = "r", Name = "p", Source = "s", Phase = Phase.Realised };

        var problems = PlanFailureRules.Validate(Failure(PlanFailureKind.Partial, explanation: "", percent: 60), realised, false, Today);

        var problem = Assert.Single(problems);
        Assert.Equal("toelichting", problem.Field);
        Assert.Contains("Een gerealiseerd project kan alleen uitvallen met een reden", problem.Message);
    }

    [Fact]
    public void A_realised_project_cannot_fail_entirely()
    {
        var realised = new Project { Id = "p", RegionId = "r", Name = "p", Source = "s", Phase = Phase.Realised };

        var problems = PlanFailureRules.Validate(Failure(PlanFailureKind.None), realised, false, Today);

        Assert.Contains(problems, p => p.Field == "soort");
    }

    [Theory]
    [InlineData(PlanFailureKind.Partial, null, null, "percentage")]
    [InlineData(PlanFailureKind.Partial, 100.0, null, "percentage")]
    [InlineData(PlanFailureKind.Delayed, null, null, "verwacht")]
    [InlineData(PlanFailureKind.Delayed, null, "2024-01-01", "verwacht")]
    public void Each_kind_needs_its_own_facts(PlanFailureKind kind, double? percent, string? expected, string field)
    {
        var project = new Project { Id = "p", RegionId = "r", Name = "p", Source = "s", Phase = Phase.Permitted };

        var problems = PlanFailureRules.Validate(Failure(kind, percent: (decimal?)percent, expected: expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)), project, false, Today);

        Assert.Contains(problems, p => p.Field == field);
    }

    [Fact]
    public void A_date_in_the_future_and_a_missing_plan_are_refused()
    {
        var failure = Failure(PlanFailureKind.None, date: Today.AddDays(1));
        failure.ProjectId = null;

        var problems = PlanFailureRules.Validate(failure, null, false, Today);

        Assert.Contains(problems, p => p.Field == "datum" && p.Message.Contains("in de toekomst", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field == "project");
    }

    [Fact]
    public void In_the_overview_a_failed_plan_leaves_the_pipeline_and_a_partial_one_counts_for_its_share()
    {
        var municipality = new Organisation { Id = 1, RegionId = "r", Code = "GM0001", Name = "A", Kind = OrganisationKind.Municipality };
        FullLoadHours[] hours = [new() { RegionId = "r", Technique = Technique.Wind, Hours = 2_000, ValidFrom = new(2000, 1, 1), Source = "s" }];
        ProjectFacts[] projects =
        [
            new("none", Technique.Wind, 10, 1, Phase.Permitted, null, false, 0m),
            new("partial", Technique.Wind, 10, 1, Phase.InProcedure, null, false, 0.6m),
            new("whole", Technique.Wind, 10, 1, Phase.InProcedure, null, false),
        ];

        var overview = OverviewCalculator.Calculate("r", projects, [municipality], [], hours, Today);

        Assert.Equal((0.6m * 20_000) + 20_000, overview.Total.PipelineMwh);
        Assert.Equal(20_000 + (0.4m * 20_000), overview.Total.FailedMwh);
        Assert.Equal(16m, overview.Total.PipelineMw);
    }

    [Fact]
    public void In_the_forecast_a_delayed_project_does_not_count_before_its_expected_date()
    {
        var today = new DateOnly(2025, 7, 1);
        var input = new ForecastInput(today, 2030, 1_000, [
            new ForecastProject("late", "late", Technique.Wind, "GM0001", Phase.UnderConstruction, new(2025, 1, 1), 500, NotBefore: new(2031, 6, 1)),
        ]);

        var result = ForecastModel.Run(input, ForecastAssumptions.Defaults, new(Runs: 500));

        Assert.Equal(0, result.TargetYearMwh.Expected);
        Assert.Equal(0, result.TargetYearMwh.P90);
        var later = ForecastModel.Run(input with { TargetYear = 2032 }, ForecastAssumptions.Defaults, new(Runs: 500));
        Assert.Equal(0.95 * 500, later.TargetYearMwh.Expected, 6);
    }

    [Fact]
    public void The_latest_record_of_a_plan_is_the_one_in_force()
    {
        var first = Failure(PlanFailureKind.Delayed, date: new(2024, 1, 1), expected: new(2027, 1, 1));
        first.Id = 1;
        var second = Failure(PlanFailureKind.Partial, date: new(2025, 1, 1), percent: 50);
        second.Id = 2;

        var latest = PlanFailureRules.LatestPerProject([second, first]);

        Assert.Equal(PlanFailureKind.Partial, latest["p"].Kind);
        Assert.Equal(new PlanFailureEffect(0.5m, null), PlanFailureEffect.Of(latest["p"]));
        Assert.Equal(new PlanFailureEffect(1m, new(2027, 1, 1)), PlanFailureEffect.Of(first));
        Assert.Equal(0m, PlanFailureEffect.Of(Failure(PlanFailureKind.None)).RemainingShare);
    }

    private static PlanFailure Failure(PlanFailureKind kind, string explanation = "Geen draagvlak in de raad", decimal? percent = null, DateOnly? expected = null, DateOnly? date = null) => new()
    {
        RegionId = "r",
        ProjectId = "p",
        Kind = kind,
        Date = date ?? new DateOnly(2025, 3, 1),
        Reason = PlanFailureReason.Support,
        Explanation = explanation,
        RealisedPercent = percent,
        ExpectedOn = expected,
        RecordedBy = "test",
    };
}
