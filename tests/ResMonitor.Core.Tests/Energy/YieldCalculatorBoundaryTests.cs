using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;

namespace ResMonitor.Core.Tests.Energy;

/// <summary>Which version of the full-load hours a yield is calculated with, at the edges of their validity.</summary>
public class YieldCalculatorBoundaryTests
{
    private static FullLoadHours Hours(decimal hours, DateOnly from, DateOnly? until = null, int? municipality = null, Technique technique = Technique.Wind) =>
        new() { RegionId = "r", Technique = technique, Hours = hours, ValidFrom = from, ValidUntil = until, MunicipalityId = municipality, Source = $"{hours} uur" };

    [Fact]
    public void Of_two_overlapping_versions_the_newest_is_used_whatever_their_order_in_the_table()
    {
        var old = Hours(2_500m, new(2015, 1, 1));
        var newer = Hours(2_900m, new(2023, 1, 1));

        Assert.Equal(29_000m, new YieldCalculator([old, newer], new(2024, 1, 1)).Estimate(Technique.Wind, 10m, 1, null).Mwh);
        Assert.Equal(29_000m, new YieldCalculator([newer, old], new(2024, 1, 1)).Estimate(Technique.Wind, 10m, 1, null).Mwh);
        Assert.Same(newer, new YieldCalculator([old, newer], new(2024, 1, 1)).HoursFor(Technique.Wind, 1));
    }

    [Fact]
    public void A_version_counts_from_its_first_day_up_to_and_including_its_last()
    {
        var old = Hours(2_500m, new(2015, 1, 1), until: new(2022, 12, 31));
        var newer = Hours(2_900m, new(2023, 1, 1));

        Assert.Same(old, new YieldCalculator([old, newer], new(2022, 12, 31)).HoursFor(Technique.Wind, 1));
        Assert.Same(newer, new YieldCalculator([old, newer], new(2023, 1, 1)).HoursFor(Technique.Wind, 1));
        Assert.Same(old, new YieldCalculator([old, newer], new(2015, 1, 1)).HoursFor(Technique.Wind, 1));
        Assert.Null(new YieldCalculator([old, newer], new(2014, 12, 31)).HoursFor(Technique.Wind, 1));
    }

    [Fact]
    public void A_municipality_figure_applies_to_that_municipality_only_and_the_regional_one_to_the_others()
    {
        var regional = Hours(2_900m, new(2020, 1, 1));
        var local = Hours(3_100m, new(2020, 1, 1), municipality: 7);
        var calculator = new YieldCalculator([local, regional], new(2024, 1, 1));

        Assert.Same(local, calculator.HoursFor(Technique.Wind, 7));
        Assert.Same(regional, calculator.HoursFor(Technique.Wind, 8));
    }

    [Fact]
    public void An_expired_municipality_figure_falls_back_to_the_regional_one()
    {
        var regional = Hours(2_900m, new(2020, 1, 1));
        var local = Hours(3_100m, new(2020, 1, 1), until: new(2022, 12, 31), municipality: 7);

        Assert.Same(regional, new YieldCalculator([local, regional], new(2024, 1, 1)).HoursFor(Technique.Wind, 7));
    }

    [Fact]
    public void The_hours_of_another_technique_are_never_used()
    {
        var calculator = new YieldCalculator([Hours(950m, new(2020, 1, 1), technique: Technique.SolarOnLand)], new(2024, 1, 1));

        var estimate = calculator.Estimate(Technique.Wind, 10m, 1, null);
        Assert.Equal(new YieldEstimate(0m, YieldBasis.Unknown, null), estimate);
        Assert.Equal(YieldBasis.FullLoadHours, calculator.Estimate(Technique.SolarOnLand, 10m, 1, null).Basis);
    }

    [Fact]
    public void A_measured_yield_of_zero_is_a_measurement_not_an_unknown()
    {
        var estimate = new YieldCalculator([Hours(2_900m, new(2020, 1, 1))], new(2024, 1, 1)).Estimate(Technique.Wind, 10m, 1, 0m);

        Assert.Equal(new YieldEstimate(0m, YieldBasis.Measured, null), estimate);
    }

    [Fact]
    public void A_project_is_estimated_from_its_own_fields()
    {
        var local = Hours(3_000m, new(2020, 1, 1), municipality: 7);
        var calculator = new YieldCalculator([local, Hours(2_000m, new(2020, 1, 1))], new(2024, 1, 1));

        Assert.Equal(new YieldEstimate(6_000m, YieldBasis.FullLoadHours, local),
            calculator.Estimate(new Project { Id = "p", RegionId = "r", Name = "p", Source = "s", Technique = Technique.Wind, CapacityMw = 2m, MunicipalityId = 7 }));
        Assert.Equal(new YieldEstimate(4_321m, YieldBasis.Measured, null),
            calculator.Estimate(new Project { Id = "p", RegionId = "r", Name = "p", Source = "s", Technique = Technique.Wind, CapacityMw = 2m, MunicipalityId = 7, MeasuredYieldMwh = 4_321m }));
        Assert.Equal(new DateOnly(2024, 1, 1), calculator.ReferenceDate);
    }
}
