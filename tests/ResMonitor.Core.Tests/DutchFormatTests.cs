namespace ResMonitor.Core.Tests;

public class DutchFormatTests
{
    [Fact]
    public void Formats_energy_numbers_and_dates_the_Dutch_way()
    {
        Assert.Equal("3,45 TWh", DutchFormat.Twh(3_450_000m));
        Assert.Equal("3,499 TWh", DutchFormat.Twh(3_499_000m, 3));
        Assert.Equal("47,5 GWh", DutchFormat.Energy(47_500m));
        Assert.Equal("1 juli 2025", DutchFormat.Date(new DateOnly(2025, 7, 1)));
        Assert.Equal("2.881", DutchFormat.Number(2881m, 0));
    }
}
