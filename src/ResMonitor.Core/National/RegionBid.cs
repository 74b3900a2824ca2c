namespace ResMonitor.Core.National;

/// <summary>What a region's RES 1.0 bid is: one figure, a range, or not known (never zero).</summary>
public enum BidKind
{
    Figure,
    Range,
    Unknown,
}

/// <summary>
/// A region's place in the national picture: its CBS code (ES01..ES30), its RES 1.0 bid as the source gives it (one
/// figure, a low-high range, or unknown) with the source, the note and the mark ([V] read in the source, [U] uncertain),
/// and the region's boundary (CBS / Kadaster). One row per region; a region without one is counted with its own target.
/// </summary>
public sealed class RegionBid
{
    public required string RegionId { get; set; }

    /// <summary>The CBS code of the RES region, ES01..ES30.</summary>
    public required string Code { get; set; }

    /// <summary>The single figure the source gives (MWh per year), if any.</summary>
    public decimal? BidMwh { get; set; }

    /// <summary>The low end of the range the source gives, if any.</summary>
    public decimal? LowMwh { get; set; }

    /// <summary>The high end of the range the source gives, if any.</summary>
    public decimal? HighMwh { get; set; }

    public required string Source { get; set; }

    public string? Note { get; set; }

    /// <summary>[V] read in the cited source, [U] uncertain (see the note).</summary>
    public required string Mark { get; set; }

    /// <summary>GeoJSON geometry (WGS84) of the RES region.</summary>
    public string? BoundaryGeoJson { get; set; }

    public string? BoundarySource { get; set; }

    public bool IsUncertain => Mark == "[U]";

    /// <summary>
    /// A single figure marked as read in the source is the bid (a range next to it is the ambition beyond it); an
    /// uncertain figure with a range, or a range alone, is a range; nothing at all is unknown.
    /// </summary>
    public BidKind Kind =>
        BidMwh is not null && (!IsUncertain || LowMwh is null || HighMwh is null) ? BidKind.Figure
        : LowMwh is not null && HighMwh is not null ? BidKind.Range
        : BidKind.Unknown;

    /// <summary>The low end of the band: the range's low end, else the single figure; null when unknown.</summary>
    public decimal? BandLowMwh => Kind switch
    {
        BidKind.Figure => LowMwh ?? BidMwh,
        BidKind.Range => LowMwh,
        _ => null,
    };

    /// <summary>The high end of the band: the range's high end, else the single figure; null when unknown.</summary>
    public decimal? BandHighMwh => Kind switch
    {
        BidKind.Figure => HighMwh ?? BidMwh,
        BidKind.Range => HighMwh,
        _ => null,
    };
}
