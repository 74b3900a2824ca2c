using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;

namespace ResMonitor.Core.Tests.Energy;

/// <summary>
/// Every figure of the overview a visitor reads on the home page: realised and pipeline MW next to the MWh, a measured
/// yield instead of the full-load hours, plan failure, the lines per technique and municipality and their order.
/// </summary>
public class OverviewBoundaryTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    private static readonly Organisation Emmen = new() { Id = 2, RegionId = "r", Code = "GM0114", Name = "Emmen", Kind = OrganisationKind.Municipality };
    private static readonly Organisation DeWolden = new() { Id = 3, RegionId = "r", Code = "GM1690", Name = "De Wolden", Kind = OrganisationKind.Municipality };
    private static readonly Organisation AaEnHunze = new() { Id = 1, RegionId = "r", Code = "GM1680", Name = "aa en Hunze", Kind = OrganisationKind.Municipality };

    private static readonly FullLoadHours Wind = new() { RegionId = "r", Technique = Technique.Wind, Hours = 2_000m, ValidFrom = new(2000, 1, 1), Source = "CBS" };
    private static readonly FullLoadHours Solar = new() { RegionId = "r", Technique = Technique.SolarOnLand, Hours = 1_000m, ValidFrom = new(2000, 1, 1), Source = "PowerField" };

    private static readonly List<Target> Targets =
    [
        new() { RegionId = "r", Year = 2030, Technique = Technique.SolarOnLand, ValueMwh = 300_000m, Source = "monitor" },
        new() { RegionId = "r", Year = 2030, Technique = Technique.Wind, ValueMwh = 500_000m, Source = "monitor" },
        new() { RegionId = "r", Year = 2030, ValueMwh = 1_000_000m, Source = "RES 1.0" },
        new() { RegionId = "r", Year = 2040, ValueMwh = 9_000_000m, Source = "later" },
        new() { RegionId = "r", Year = 2040, Technique = Technique.Wind, ValueMwh = 7_000_000m, Source = "later" },
    ];

    private static Overview Calculate(params ProjectFacts[] projects) =>
        OverviewCalculator.Calculate("r", projects, [Emmen, DeWolden, AaEnHunze], Targets, [Solar, Wind], Today);

    private static ProjectFacts Facts(string id, Technique technique, decimal mw, Phase phase, decimal? measured = null, decimal share = 1m, int municipality = 2, bool example = false) =>
        new(id, technique, mw, municipality, phase, measured, example, share);

    [Fact]
    public void Realised_and_pipeline_MW_are_the_installed_capacity_of_their_projects()
    {
        var overview = Calculate(
            Facts("a", Technique.Wind, 10m, Phase.Realised),
            Facts("b", Technique.Wind, 4m, Phase.Realised),
            Facts("c", Technique.SolarOnLand, 7m, Phase.Permitted),
            Facts("d", Technique.SolarOnLand, 3m, Phase.UnderConstruction),
            Facts("e", Technique.Wind, 50m, Phase.Idea),
            Facts("f", Technique.Wind, 80m, Phase.Withdrawn));

        Assert.Equal(14m, overview.Total.RealisedMw);
        Assert.Equal(10m, overview.Total.PipelineMw);
        Assert.Equal(28_000m, overview.Total.RealisedMwh);
        Assert.Equal(10_000m, overview.Total.PipelineMwh);
        Assert.Equal(100_000m, overview.Total.IdeaMwh);
        Assert.Equal(5, overview.Total.ProjectCount);
        Assert.Equal(0m, overview.Total.FailedMwh);
    }

    [Fact]
    public void A_measured_yield_replaces_the_full_load_hours_and_the_capacity_still_counts()
    {
        var overview = Calculate(Facts("a", Technique.Wind, 10m, Phase.Realised, measured: 12_345m));

        Assert.Equal(12_345m, overview.Total.RealisedMwh);
        Assert.Equal(10m, overview.Total.RealisedMw);
        Assert.Equal(0, overview.Total.ProjectsWithoutYield);
        Assert.Empty(overview.HoursUsed);
    }

    [Fact]
    public void A_measured_yield_counts_for_a_technique_without_full_load_hours()
    {
        var overview = Calculate(
            Facts("a", Technique.SolarOnRoof, 2m, Phase.Realised, measured: 1_700m),
            Facts("b", Technique.SolarOnRoof, 3m, Phase.Realised));

        var roof = overview.ByTechnique.Single(l => l.Key == "zon_op_dak");
        Assert.Equal(1_700m, roof.RealisedMwh);
        Assert.Equal(5m, roof.RealisedMw);
        Assert.Equal(2, roof.ProjectCount);
        Assert.Equal(1, roof.ProjectsWithoutYield);
    }

    [Fact]
    public void Plan_failure_lowers_pipeline_and_ideas_and_is_shown_as_failed()
    {
        var overview = Calculate(
            Facts("a", Technique.Wind, 10m, Phase.InProcedure, share: 0.25m),
            Facts("b", Technique.SolarOnLand, 10m, Phase.Idea, share: 0.5m),
            Facts("c", Technique.SolarOnLand, 10m, Phase.Realised, share: 0.5m));

        Assert.Equal(5_000m, overview.Total.PipelineMwh);
        Assert.Equal(2.5m, overview.Total.PipelineMw);
        Assert.Equal(5_000m, overview.Total.IdeaMwh);
        Assert.Equal(15_000m + 5_000m, overview.Total.FailedMwh);
        // A realised project is realised as it stands: its share does not lower it.
        Assert.Equal(10_000m, overview.Total.RealisedMwh);
        Assert.Equal(10m, overview.Total.RealisedMw);
    }

    [Fact]
    public void The_total_line_is_named_and_the_technique_lines_come_in_a_fixed_order_with_their_targets()
    {
        var overview = Calculate(Facts("a", Technique.Wind, 10m, Phase.Realised));

        Assert.Equal(("totaal", "Totaal", (decimal?)1_000_000m), (overview.Total.Key, overview.Total.Label, overview.Total.TargetMwh));
        Assert.Equal(["wind", "zon_op_land", "zon_op_dak", "techniekneutraal"], overview.ByTechnique.Select(l => l.Key));
        Assert.Equal(["wind", "zon op land", "zon op dak", "techniekneutraal"], overview.ByTechnique.Select(l => l.Label));
        Assert.Equal([500_000m, 300_000m, null, null], overview.ByTechnique.Select(l => l.TargetMwh));
        Assert.Equal([1, 0, 0, 0], overview.ByTechnique.Select(l => l.ProjectCount));
    }

    [Fact]
    public void Only_the_targets_of_the_target_year_count_and_they_are_listed_per_technique()
    {
        var overview = Calculate();

        Assert.Equal(1_000_000m, overview.TotalTarget!.ValueMwh);
        Assert.Equal([Technique.Wind, Technique.SolarOnLand], overview.TechniqueTargets.Select(t => t.Technique!.Value));
        Assert.Equal(800_000m, overview.TechniqueTargetSumMwh);

        var later = OverviewCalculator.Calculate("r", [], [], Targets, [], Today, targetYear: 2040);
        Assert.Equal(9_000_000m, later.Total.TargetMwh);
        Assert.Equal(7_000_000m, Assert.Single(later.TechniqueTargets).ValueMwh);
    }

    [Fact]
    public void Without_a_target_for_the_year_the_total_has_no_target_and_no_shares()
    {
        var overview = OverviewCalculator.Calculate("r", [Facts("a", Technique.Wind, 10m, Phase.Realised)], [Emmen], [], [Wind], Today);

        Assert.Null(overview.TotalTarget);
        Assert.Null(overview.Total.TargetMwh);
        Assert.Null(overview.Total.AmbitionMwh);
        Assert.Null(overview.Total.RealisedShare);
        Assert.Null(overview.Total.RealisedOrPipelineShare);
        Assert.Equal(0m, overview.TechniqueTargetSumMwh);
    }

    [Fact]
    public void Shares_of_the_target_and_the_ambition_left()
    {
        var overview = Calculate(
            Facts("a", Technique.Wind, 100m, Phase.Realised),
            Facts("b", Technique.Wind, 50m, Phase.Permitted));

        Assert.Equal(0.2m, overview.Total.RealisedShare);
        Assert.Equal(0.3m, overview.Total.RealisedOrPipelineShare);
        Assert.Equal(700_000m, overview.Total.AmbitionMwh);
    }

    [Fact]
    public void A_target_of_exactly_what_is_realised_leaves_no_ambition_and_a_target_of_zero_gives_no_share()
    {
        var line = new OverviewLine("x", "x", 28_000m, 20_000m, 8_000m, 0m, 10m, 4m, 2, 0);
        Assert.Equal(0m, line.AmbitionMwh);
        Assert.Equal(1m, line.RealisedOrPipelineShare);

        var zero = line with { TargetMwh = 0m };
        Assert.Null(zero.RealisedShare);
        Assert.Null(zero.RealisedOrPipelineShare);
        Assert.Equal(0m, zero.AmbitionMwh);
    }

    [Fact]
    public void Municipalities_are_listed_in_Dutch_alphabetical_order_whatever_the_case_with_their_own_projects()
    {
        var overview = Calculate(
            Facts("a", Technique.Wind, 10m, Phase.Realised, municipality: 2),
            Facts("b", Technique.SolarOnLand, 6m, Phase.Permitted, municipality: 3),
            Facts("c", Technique.SolarOnLand, 4m, Phase.Idea, municipality: 3));

        Assert.Equal(["aa en Hunze", "De Wolden", "Emmen"], overview.ByMunicipality.Select(l => l.Label));
        Assert.Equal(["GM1680", "GM1690", "GM0114"], overview.ByMunicipality.Select(l => l.Key));
        Assert.All(overview.ByMunicipality, l => Assert.Null(l.TargetMwh));

        var deWolden = overview.ByMunicipality[1];
        Assert.Equal((0m, 6_000m, 4_000m, 6m, 2), (deWolden.RealisedMwh, deWolden.PipelineMwh, deWolden.IdeaMwh, deWolden.PipelineMw, deWolden.ProjectCount));
        Assert.Equal(10m, overview.ByMunicipality[2].RealisedMw);
        Assert.Equal(0, overview.ByMunicipality[0].ProjectCount);
    }

    [Fact]
    public void Names_that_differ_only_in_case_are_one_name_to_the_order_and_keep_the_order_given()
    {
        var upper = new Organisation { Id = 4, RegionId = "r", Code = "GM0001", Name = "Ameland", Kind = OrganisationKind.Municipality };
        var lower = new Organisation { Id = 5, RegionId = "r", Code = "GM0002", Name = "ameland", Kind = OrganisationKind.Municipality };

        var overview = OverviewCalculator.Calculate("r", [], [upper, lower], Targets, [], Today);

        Assert.Equal(["GM0001", "GM0002"], overview.ByMunicipality.Select(l => l.Key));
    }

    [Fact]
    public void The_full_load_hours_used_are_listed_once_each_by_technique()
    {
        var overview = Calculate(
            Facts("a", Technique.SolarOnLand, 1m, Phase.Realised),
            Facts("b", Technique.Wind, 1m, Phase.Realised),
            Facts("c", Technique.Wind, 2m, Phase.Idea),
            Facts("d", Technique.Wind, 2m, Phase.Idea, measured: 10m),
            Facts("e", Technique.SolarOnRoof, 2m, Phase.Idea));

        Assert.Equal([Wind, Solar], overview.HoursUsed);
    }

    [Fact]
    public void Example_projects_are_counted_withdrawn_ones_included_and_the_region_and_date_are_kept()
    {
        var overview = Calculate(
            Facts("a", Technique.Wind, 1m, Phase.Realised, example: true),
            Facts("b", Technique.Wind, 1m, Phase.Withdrawn, example: true),
            Facts("c", Technique.Wind, 1m, Phase.Realised));

        Assert.Equal(2, overview.ExampleProjectCount);
        Assert.Equal("r", overview.RegionId);
        Assert.Equal(Today, overview.ReferenceDate);
    }
}
