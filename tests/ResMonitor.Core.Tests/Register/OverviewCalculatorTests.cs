using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;

namespace ResMonitor.Core.Tests;

public class OverviewCalculatorTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    private static readonly Organisation Assen = new() { Id = 1, RegionId = "r", Code = "GM0106", Name = "Assen", Kind = OrganisationKind.Municipality };
    private static readonly Organisation Emmen = new() { Id = 2, RegionId = "r", Code = "GM0114", Name = "Emmen", Kind = OrganisationKind.Municipality };

    private static readonly List<Target> Targets =
    [
        new() { RegionId = "r", Year = 2030, ValueMwh = 3_450_000m, Source = "RES 1.0" },
        new() { RegionId = "r", Year = 2030, Technique = Technique.Wind, ValueMwh = 1_123_000m, Source = "monitor" },
        new() { RegionId = "r", Year = 2030, Technique = Technique.SolarOnLand, ValueMwh = 1_249_000m, Source = "monitor" },
        new() { RegionId = "r", Year = 2030, Technique = Technique.SolarOnRoof, ValueMwh = 893_000m, Source = "monitor" },
        new() { RegionId = "r", Year = 2030, Technique = Technique.TechnologyNeutral, ValueMwh = 234_000m, Source = "monitor" },
    ];

    private static readonly List<FullLoadHours> Hours =
    [
        new() { RegionId = "r", Technique = Technique.Wind, Hours = 2881m, ValidFrom = new(2000, 1, 1), Source = "CBS" },
        new() { RegionId = "r", Technique = Technique.SolarOnLand, Hours = 950m, ValidFrom = new(2000, 1, 1), Source = "PowerField" },
    ];

    private static Overview Calculate(params ProjectFacts[] projects) =>
        OverviewCalculator.Calculate("r", projects, [Assen, Emmen], Targets, Hours, Today);

    [Fact]
    public void Realised_pipeline_and_ambition_add_up_to_the_target()
    {
        var overview = Calculate(
            new ProjectFacts("a", Technique.Wind, 100m, 1, Phase.Realised, null, false),
            new ProjectFacts("b", Technique.SolarOnLand, 50m, 2, Phase.Permitted, 47_500m, false),
            new ProjectFacts("c", Technique.SolarOnLand, 10m, 2, Phase.InProcedure, null, false),
            new ProjectFacts("d", Technique.Wind, 30m, 2, Phase.Idea, null, false),
            new ProjectFacts("e", Technique.Wind, 30m, 2, Phase.Withdrawn, null, false));

        Assert.Equal(288_100m, overview.Total.RealisedMwh);
        Assert.Equal(47_500m + 9_500m, overview.Total.PipelineMwh);
        Assert.Equal(86_430m, overview.Total.IdeaMwh);
        Assert.Equal(3_450_000m - 288_100m - 57_000m, overview.Total.AmbitionMwh);
        Assert.Equal(4, overview.Total.ProjectCount);
    }

    [Fact]
    public void Splits_per_technique_against_its_own_target_and_keeps_the_published_sum()
    {
        var overview = Calculate(new ProjectFacts("a", Technique.Wind, 100m, 1, Phase.Realised, null, false));

        var wind = overview.ByTechnique.Single(l => l.Key == "wind");
        Assert.Equal(1_123_000m, wind.TargetMwh);
        Assert.Equal(288_100m, wind.RealisedMwh);
        Assert.Equal(3_499_000m, overview.TechniqueTargetSumMwh);
        Assert.Equal(3_450_000m, overview.TotalTarget!.ValueMwh);
    }

    [Fact]
    public void Splits_per_municipality()
    {
        var overview = Calculate(
            new ProjectFacts("a", Technique.Wind, 10m, 1, Phase.Realised, null, false),
            new ProjectFacts("b", Technique.Wind, 10m, 2, Phase.UnderConstruction, null, false));

        Assert.Equal(28_810m, overview.ByMunicipality.Single(l => l.Label == "Assen").RealisedMwh);
        Assert.Equal(28_810m, overview.ByMunicipality.Single(l => l.Label == "Emmen").PipelineMwh);
    }

    [Fact]
    public void A_project_without_hours_for_its_technique_is_counted_as_without_yield_not_silently_zero()
    {
        var overview = Calculate(new ProjectFacts("a", Technique.SolarOnRoof, 5m, 1, Phase.Realised, null, false));

        Assert.Equal(1, overview.Total.ProjectsWithoutYield);
    }

    [Fact]
    public void Ambition_is_never_negative_when_the_target_is_exceeded()
    {
        var overview = Calculate(new ProjectFacts("a", Technique.Wind, 2000m, 1, Phase.Realised, null, false));

        Assert.Equal(0m, overview.Total.AmbitionMwh);
    }
}
