using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResMonitor.Core.National;
using ResMonitor.Web.Features.Map;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.National;

/// <summary>
/// /landelijk: every region of the instance on one map and in one table against its RES 1.0 bid, the national sums
/// against 35 TWh with the band of the bids, and the regions side by side on the comparable indicators. From the read
/// model (<see cref="NationalFigures"/>); only when the instance holds more than one region.
/// </summary>
public sealed class NationalPageModel(RegisterResolver register, TimeProvider clock, Infrastructure.Language language) : PageModel
{
    /// <summary>The steps of the map's shading: realised as a share of the bid.</summary>
    public static readonly decimal[] Levels = [0.1m, 0.25m, 0.5m, 1m];

    public NationalOverview Overview { get; private set; } = null!;

    public DateOnly? Peildatum { get; private set; }

    public History.Peildatum.Banner? Past { get; private set; }

    /// <summary>The map's areas: each region's boundary, or its municipalities' where the register has no region boundary.</summary>
    public IReadOnlyList<MapArea> Areas { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var reading = History.Peildatum.Read(Request.Query, clock);
        if (!reading.IsValid)
        {
            History.Peildatum.Refuse(HttpContext, reading);
            return BadRequest();
        }

        var state = await register.OnAsync(reading.Date, ct);
        if (state.Regions.Count < 2)
        {
            return NotFound();
        }

        Overview = NationalFigures.Of(state);
        if (reading.Date is { } date)
        {
            Peildatum = date;
            Past = History.Peildatum.Banner.Of(state);
        }

        var municipalities = state.Organisations
            .Where(o => o.Kind == Core.Regions.OrganisationKind.Municipality && o.BoundaryGeoJson is not null)
            .ToLookup(o => o.RegionId, StringComparer.Ordinal);
        Areas = Overview.Regions
            .SelectMany(line => line.BoundaryGeoJson is { } boundary
                ? [Area(line, boundary)]
                : municipalities[line.RegionId].Select(m => Area(line, m.BoundaryGeoJson!)))
            .ToList();
        return Page();
    }

    private MapArea Area(NationalRegionLine line, string geometry) =>
        new(line.RegionId, line.Name, geometry, Href(line.RegionId), Level(line), Describe(line));

    /// <summary>The region's own pages, with the language kept.</summary>
    public string Href(string regionId, string path = "") => $"/{regionId}{path}";

    /// <summary>0: no bid to measure against, or no projects; 1..5: realised share of the bid (the lowest share of a range).</summary>
    public static int Level(NationalRegionLine line) =>
        line.RealisedShareLow is not { } share || !line.HasProjects ? 0 : Levels.Count(limit => share >= limit) + 1;

    private string Describe(NationalRegionLine line)
    {
        var l = language;
        return !line.HasProjects ? l.T("nog geen projecten geregistreerd", "no projects registered yet")
            : line.RealisedShareLow is null ? l.T("bod onbekend", "bid unknown")
            : l.T($"{Share(line, l)} van het bod gerealiseerd", $"{Share(line, l)} of the bid realised");
    }

    /// <summary>"12%" for a single bid, "10–13%" for a range; "–" when the bid is unknown.</summary>
    public static string Share(NationalRegionLine line, Infrastructure.Language l) =>
        line.RealisedShareLow is not { } low ? "–"
        : line.RealisedShareHigh is { } high && high != low ? $"{l.Number(low * 100m, 0)}–{l.Number(high * 100m, 0)}%"
        : l.Percent(low);

    /// <summary>The bid as text: "3,45 TWh", "2,80–3,20 TWh", or "onbekend".</summary>
    public static string Bid(NationalBid bid, Infrastructure.Language l) => bid.Kind switch
    {
        BidKind.Figure => l.Twh(bid.BidMwh!.Value, Decimals(bid.BidMwh!.Value)),
        BidKind.Range => $"{l.Number(bid.LowMwh!.Value / 1_000_000m, Decimals(bid.LowMwh!.Value))}–{l.Twh(bid.HighMwh!.Value, Decimals(bid.HighMwh!.Value))}",
        _ => l.T("onbekend", "unknown"),
    };

    /// <summary>As many decimals as the source gives (0,476 keeps three), at least two.</summary>
    public static int Decimals(decimal mwh)
    {
        var twh = mwh / 1_000_000m;
        return twh * 100m % 1m == 0m ? 2 : 3;
    }
}
