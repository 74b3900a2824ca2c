using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;

namespace ResMonitor.Core.Tests;

public class TrendCalculatorTests
{
    private static readonly DateOnly Today = new(2024, 6, 1);

    private static readonly List<FullLoadHours> Hours =
    [
        new() { RegionId = "r", Technique = Technique.Wind, Hours = 2000m, ValidFrom = new(2000, 1, 1), Source = "CBS" },
        new() { RegionId = "r", Technique = Technique.SolarOnLand, Hours = 1000m, ValidFrom = new(2000, 1, 1), Source = "PowerField" },
    ];

    private static ProjectHistory Project(string id, Technique technique, decimal mw, params (Phase Phase, int Year, int Month)[] steps) =>
        new(new ProjectFacts(id, technique, mw, 1, steps[^1].Phase, null, false),
            steps.Select(s => new PhaseChange { ProjectId = id, Phase = s.Phase, Date = new DateOnly(s.Year, s.Month, 1) }).ToList());

    private static TrendPoint Year(Trend trend, int year) => trend.Points.Single(p => p.Year == year);

    [Fact]
    public void Runs_from_the_first_recorded_year_to_this_year()
    {
        var trend = TrendCalculator.Calculate([Project("a", Technique.Wind, 10m, (Phase.Idea, 2019, 5), (Phase.Realised, 2021, 3))], Hours, Today);

        Assert.Equal([2019, 2020, 2021, 2022, 2023, 2024], trend.Points.Select(p => p.Year));
        Assert.Equal(new DateOnly(2019, 12, 31), trend.Points[0].AsOf);
        Assert.Equal(Today, trend.Points[^1].AsOf);
    }

    [Fact]
    public void A_project_realised_in_2021_counts_as_realised_from_2021_on()
    {
        var trend = TrendCalculator.Calculate([Project("a", Technique.Wind, 10m, (Phase.Idea, 2019, 5), (Phase.Realised, 2021, 3))], Hours, Today);

        Assert.Equal(0m, Year(trend, 2020).RealisedMwh);
        Assert.Equal(0m, Year(trend, 2020).PipelineMwh);
        Assert.Equal(20_000m, Year(trend, 2021).RealisedMwh);
        Assert.Equal(20_000m, Year(trend, 2024).RealisedMwh);
        Assert.Equal(10m, Year(trend, 2022).RealisedMw);
        Assert.Equal(1, Year(trend, 2023).RealisedProjects);
    }

    [Fact]
    public void The_pipeline_moves_to_realised_when_the_project_is_built()
    {
        var trend = TrendCalculator.Calculate(
            [Project("b", Technique.SolarOnLand, 20m, (Phase.InProcedure, 2020, 2), (Phase.Permitted, 2021, 1), (Phase.UnderConstruction, 2022, 4), (Phase.Realised, 2023, 9))],
            Hours, Today);

        Assert.Equal((0m, 20_000m), (Year(trend, 2020).RealisedMwh, Year(trend, 2020).PipelineMwh));
        Assert.Equal((0m, 20_000m), (Year(trend, 2022).RealisedMwh, Year(trend, 2022).PipelineMwh));
        Assert.Equal((20_000m, 0m), (Year(trend, 2023).RealisedMwh, Year(trend, 2023).PipelineMwh));
        Assert.Equal(1, Year(trend, 2022).PipelineProjects);
        Assert.Equal(0, Year(trend, 2023).PipelineProjects);
    }

    [Fact]
    public void A_withdrawn_project_stops_counting_from_its_withdrawal()
    {
        var trend = TrendCalculator.Calculate(
            [Project("c", Technique.Wind, 5m, (Phase.InProcedure, 2020, 6), (Phase.Permitted, 2021, 6), (Phase.Withdrawn, 2022, 12))],
            Hours, Today);

        Assert.Equal(10_000m, Year(trend, 2021).PipelineMwh);
        Assert.Equal(0m, Year(trend, 2022).PipelineMwh);
        Assert.Equal(0m, Year(trend, 2023).PipelineMwh);
        Assert.Equal(0m, Year(trend, 2023).RealisedMwh);
    }

    [Fact]
    public void Ideas_do_not_count_and_projects_add_up()
    {
        var trend = TrendCalculator.Calculate(
            [
                Project("a", Technique.Wind, 10m, (Phase.Realised, 2021, 3)),
                Project("b", Technique.SolarOnLand, 20m, (Phase.InProcedure, 2020, 2)),
                Project("d", Technique.Wind, 50m, (Phase.Idea, 2018, 1)),
            ],
            Hours, Today);

        Assert.Equal(2018, trend.Points[0].Year);
        Assert.Equal(0m, Year(trend, 2018).RealisedMwh + Year(trend, 2018).PipelineMwh);
        Assert.Equal((20_000m, 20_000m), (Year(trend, 2024).RealisedMwh, Year(trend, 2024).PipelineMwh));
    }

    [Fact]
    public void The_current_year_agrees_with_the_overview()
    {
        List<ProjectHistory> projects =
        [
            Project("a", Technique.Wind, 10m, (Phase.Idea, 2019, 5), (Phase.Realised, 2021, 3)),
            Project("b", Technique.SolarOnLand, 20m, (Phase.InProcedure, 2020, 2), (Phase.Permitted, 2022, 1)),
            Project("c", Technique.Wind, 5m, (Phase.InProcedure, 2020, 6), (Phase.Withdrawn, 2022, 12)),
        ];
        var trend = TrendCalculator.Calculate(projects, Hours, Today);
        var overview = OverviewCalculator.Calculate("r", projects.Select(p => p.Facts).ToList(), [], [], Hours, Today);

        Assert.Equal(overview.Total.RealisedMwh, trend.Points[^1].RealisedMwh);
        Assert.Equal(overview.Total.PipelineMwh, trend.Points[^1].PipelineMwh);
    }

    [Fact]
    public void Uses_the_full_load_hours_valid_at_the_end_of_each_year()
    {
        List<FullLoadHours> versions =
        [
            new() { RegionId = "r", Technique = Technique.Wind, Hours = 2000m, ValidFrom = new(2000, 1, 1), ValidUntil = new(2022, 12, 31), Source = "old" },
            new() { RegionId = "r", Technique = Technique.Wind, Hours = 3000m, ValidFrom = new(2023, 1, 1), Source = "new" },
        ];
        var trend = TrendCalculator.Calculate([Project("a", Technique.Wind, 10m, (Phase.Realised, 2021, 3))], versions, Today);

        Assert.Equal(20_000m, Year(trend, 2022).RealisedMwh);
        Assert.Equal(30_000m, Year(trend, 2023).RealisedMwh);
    }

    [Fact]
    public void Steps_after_the_reference_date_and_projects_without_history_are_left_out()
    {
        var trend = TrendCalculator.Calculate(
            [
                Project("a", Technique.Wind, 10m, (Phase.InProcedure, 2023, 3), (Phase.Realised, 2025, 3)),
                new ProjectHistory(new ProjectFacts("x", Technique.Wind, 99m, 1, Phase.Realised, null, false), []),
            ],
            Hours, Today);

        Assert.Equal(1, trend.ProjectsWithoutHistory);
        Assert.Equal((0m, 20_000m), (Year(trend, 2024).RealisedMwh, Year(trend, 2024).PipelineMwh));
    }
}
