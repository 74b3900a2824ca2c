using ResMonitor.Core.National;

namespace ResMonitor.Core.Tests.National;

/// <summary>A bid is what its source says: one figure, a range, or unknown; the band never counts an unknown bid as zero.</summary>
public sealed class RegionBidTests
{
    private static RegionBid Bid(decimal? bid, decimal? low, decimal? high, string mark) =>
        new() { RegionId = "r", Code = "ES99", BidMwh = bid, LowMwh = low, HighMwh = high, Source = "s", Mark = mark };

    [Fact]
    public void A_read_figure_is_the_bid_and_a_range_next_to_it_is_the_ambition_beyond_it()
    {
        var foodvalley = Bid(750_000m, 750_000m, 1_000_000m, "[V]");
        Assert.Equal(BidKind.Figure, foodvalley.Kind);
        Assert.Equal(750_000m, foodvalley.BandLowMwh);
        Assert.Equal(1_000_000m, foodvalley.BandHighMwh);
    }

    [Fact]
    public void An_uncertain_figure_at_the_top_of_a_range_is_a_range()
    {
        var hoekscheWaard = Bid(476_000m, 376_000m, 476_000m, "[U]");
        Assert.Equal(BidKind.Range, hoekscheWaard.Kind);
        Assert.Equal(376_000m, hoekscheWaard.BandLowMwh);
        Assert.Equal(476_000m, hoekscheWaard.BandHighMwh);
    }

    [Fact]
    public void A_range_alone_is_a_range_and_nothing_is_unknown_without_a_band()
    {
        Assert.Equal(BidKind.Range, Bid(null, 2_800_000m, 3_200_000m, "[V]").Kind);
        var unknown = Bid(null, null, null, "[U]");
        Assert.Equal(BidKind.Unknown, unknown.Kind);
        Assert.Null(unknown.BandLowMwh);
        Assert.Null(unknown.BandHighMwh);
        Assert.Equal(BidKind.Figure, Bid(1_500_000m, null, null, "[U]").Kind);
    }
}
