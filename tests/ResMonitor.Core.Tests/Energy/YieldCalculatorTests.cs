using ResMonitor.Core.Energy;

namespace ResMonitor.Core.Tests;

public class YieldCalculatorTests
{
    private static readonly List<FullLoadHours> Table =
    [
        new() { RegionId = "r", Technique = Technique.Wind, Hours = 2500m, ValidFrom = new(2000, 1, 1), ValidUntil = new(2022, 12, 31), Source = "old" },
        new() { RegionId = "r", Technique = Technique.Wind, Hours = 2881m, ValidFrom = new(2023, 1, 1), Source = "CBS 2022" },
        new() { RegionId = "r", Technique = Technique.Wind, MunicipalityId = 7, Hours = 3100m, ValidFrom = new(2023, 1, 1), Source = "local" },
    ];

    [Fact]
    public void Uses_the_version_valid_on_the_reference_date()
    {
        Assert.Equal(25_000m, new YieldCalculator(Table, new(2020, 6, 1)).Estimate(Technique.Wind, 10m, 1, null).Mwh);
        Assert.Equal(28_810m, new YieldCalculator(Table, new(2024, 6, 1)).Estimate(Technique.Wind, 10m, 1, null).Mwh);
    }

    [Fact]
    public void Prefers_the_municipality_figure_for_wind()
    {
        var estimate = new YieldCalculator(Table, new(2024, 6, 1)).Estimate(Technique.Wind, 10m, 7, null);

        Assert.Equal(31_000m, estimate.Mwh);
        Assert.Equal("local", estimate.HoursUsed!.Source);
    }

    [Fact]
    public void A_measurement_wins_over_the_calculation()
    {
        var estimate = new YieldCalculator(Table, new(2024, 6, 1)).Estimate(Technique.Wind, 10m, 1, 12_345m);

        Assert.Equal(12_345m, estimate.Mwh);
        Assert.Equal(YieldBasis.Measured, estimate.Basis);
    }
}
