using System.Runtime.CompilerServices;
using ResMonitor.Core.Energy;
using ResMonitor.Core.History;
using ResMonitor.Core.Indicators;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Register;

namespace ResMonitor.Core.National;

/// <summary>A region's bid as the national page shows it: its kind, the figure or range, and where it comes from.</summary>
/// <param name="FromTarget">True when the region has no national record and its own total target stands in for the bid.</param>
public sealed record NationalBid(BidKind Kind, decimal? BidMwh, decimal? LowMwh, decimal? HighMwh, string? Source, string? Note, string? Mark, DateOnly? ReferenceDate, bool FromTarget)
{
    /// <summary>The band: a range's low and high end, else the figure twice; null when unknown.</summary>
    public decimal? BandLowMwh => Kind == BidKind.Range ? LowMwh : Kind == BidKind.Figure ? (LowMwh ?? BidMwh) : null;

    public decimal? BandHighMwh => Kind == BidKind.Range ? HighMwh : Kind == BidKind.Figure ? (HighMwh ?? BidMwh) : null;
}

/// <summary>
/// One region in the national roll-up, from its own overview on the register's day: realised and pipeline (after plan
/// failure), what is left of the bid, the share of the bid, register coverage (municipalities with any project) and the
/// comparable indicators, each counted the same way for every region.
/// </summary>
public sealed record NationalRegionLine(
    string RegionId,
    string? Code,
    string Name,
    NationalBid Bid,
    decimal RealisedMwh,
    decimal PipelineMwh,
    decimal FailedMwh,
    int Projects,
    int ProjectsWithoutYield,
    int Municipalities,
    int MunicipalitiesWithProjects,
    decimal? LocalOwnershipPercent,
    int NewProjects,
    int NewProjectsWithOwnership,
    CountAndCapacity PermitsBefore2025,
    IReadOnlyList<Completeness> Completeness,
    DateOnly? NewestSourceDate,
    bool ExamplesOnly,
    string? BoundaryGeoJson)
{
    /// <summary>What is left of a single bid after realised and pipeline; for a range its low..high; null when unknown.</summary>
    public decimal? RemainingLowMwh => Bid.Kind switch
    {
        BidKind.Figure => Math.Max(0m, Bid.BidMwh!.Value - RealisedMwh - PipelineMwh),
        BidKind.Range => Math.Max(0m, Bid.LowMwh!.Value - RealisedMwh - PipelineMwh),
        _ => null,
    };

    public decimal? RemainingHighMwh => Bid.Kind switch
    {
        BidKind.Figure => Math.Max(0m, Bid.BidMwh!.Value - RealisedMwh - PipelineMwh),
        BidKind.Range => Math.Max(0m, Bid.HighMwh!.Value - RealisedMwh - PipelineMwh),
        _ => null,
    };

    /// <summary>Realised as a share of the bid (0..1+); for a range the share of the high end (lowest share); null when unknown.</summary>
    public decimal? RealisedShareLow => Bid.Kind switch
    {
        BidKind.Figure when Bid.BidMwh > 0 => RealisedMwh / Bid.BidMwh!.Value,
        BidKind.Range when Bid.HighMwh > 0 => RealisedMwh / Bid.HighMwh!.Value,
        _ => null,
    };

    /// <summary>Realised as a share of the bid; for a range the share of the low end (highest share); null when unknown.</summary>
    public decimal? RealisedShareHigh => Bid.Kind switch
    {
        BidKind.Figure when Bid.BidMwh > 0 => RealisedMwh / Bid.BidMwh!.Value,
        BidKind.Range when Bid.LowMwh > 0 => RealisedMwh / Bid.LowMwh!.Value,
        _ => null,
    };

    /// <summary>Pipeline as a share of a single bid; null for a range or unknown bid.</summary>
    public decimal? PipelineShare => Bid.Kind == BidKind.Figure && Bid.BidMwh > 0 ? PipelineMwh / Bid.BidMwh!.Value : null;

    /// <summary>The part of realised, pipeline and lost yield that plan failure took away; null without any.</summary>
    public decimal? FailedShare => RealisedMwh + PipelineMwh + FailedMwh is > 0 and var all ? FailedMwh / all : null;

    public bool HasProjects => Projects > 0;
}

/// <summary>The national sums: realised and pipeline of all regions against 35 TWh and against the band of the bids.</summary>
public sealed record NationalTotals(
    decimal RealisedMwh,
    decimal PipelineMwh,
    decimal FailedMwh,
    int Projects,
    int Municipalities,
    int MunicipalitiesWithProjects,
    decimal BidLowMwh,
    decimal BidHighMwh,
    decimal SingleBidsMwh,
    int SingleBids,
    int Ranges,
    int Unknown,
    decimal NationalTargetMwh)
{
    public decimal RealisedShareOfTarget => NationalTargetMwh > 0 ? RealisedMwh / NationalTargetMwh : 0m;

    public decimal PipelineShareOfTarget => NationalTargetMwh > 0 ? PipelineMwh / NationalTargetMwh : 0m;

    public decimal RemainingOfTargetMwh => Math.Max(0m, NationalTargetMwh - RealisedMwh - PipelineMwh);
}

/// <summary>One comparable indicator and how it is counted, in Dutch and English.</summary>
public sealed record CountingRule(string Indicator, string IndicatorEnglish, string Rule, string RuleEnglish);

/// <summary>The national roll-up of the register's day.</summary>
/// <param name="AverageRealisedShare">The unweighted mean of the regions' realised share of a single bid (regions with a range or no bid left out); null without any.</param>
public sealed record NationalOverview(DateOnly ReferenceDate, IReadOnlyList<NationalRegionLine> Regions, NationalTotals Totals, decimal? AverageRealisedShare, int AverageOf);

/// <summary>
/// The national page's figures as a pure function of the register state: every region's own overview
/// (<see cref="RegisterFigures.Overview"/>), participation and permit indicators, summed. Computed once per state.
/// </summary>
public static class NationalFigures
{
    /// <summary>The Klimaatakkoord's national aim for wind and solar on land in 2030: 35 TWh.</summary>
    public const decimal NationalTargetMwh = 35_000_000m;

    public const string NationalTargetSource = "Klimaatakkoord (2019), hoofdstuk Elektriciteit: 35 TWh duurzame opwek op land (wind en zon > 15 kWp) in 2030";

    public static readonly DateOnly NationalTargetReferenceDate = new(2019, 6, 28);

    /// <summary>PBL, Monitor RES 1.0 (December 2021): the sum of all regions' bids as PBL counted them.</summary>
    public const string PblSum = "PBL telde in de Monitor RES 1.0 (december 2021) 55,1 TWh aan biedingen tegen de landelijke 35 TWh.";

    /// <summary>The counting rules of the comparison, the same for every region (Dutch and English, shown with the table).</summary>
    public static readonly IReadOnlyList<CountingRule> Rules =
    [
        new("Gerealiseerd / bod", "Realised / bid",
            "Opbrengst van gerealiseerde projecten (gemeten waar bekend, anders vermogen × vollasturen van de regio) gedeeld door het RES 1.0-bod; bij een bandbreedte van het hoge tot het lage eind; zonder bod geen aandeel.",
            "Yield of realised projects (measured where known, otherwise capacity × the region's full-load hours) divided by the RES 1.0 bid; for a range from the high to the low end; without a bid no share."),
        new("Pijplijn", "Pipeline",
            "Opbrengst van vergunde projecten en projecten in procedure, na planuitval, en als aandeel van een bod met één getal.",
            "Yield of permitted projects and projects in procedure, after plan failure, and as a share of a single-figure bid."),
        new("Lokaal eigendom", "Local ownership",
            "Het lokaal eigendom van nieuwe projecten (volgens de regel van de regio), gewogen naar vermogen, over de nieuwe projecten waarvan het aandeel bekend is.",
            "The local ownership of new projects (by the region's rule), weighted by capacity, over the new projects whose share is known."),
        new("Vergund vóór 2025", "Permitted before 2025",
            "Projecten (aantal en MW) waarvan de eerste vergunning vóór 1 januari 2025 is verleend, de termijn van het Klimaatakkoord.",
            "Projects (number and MW) whose first permit was granted before 1 January 2025, the Klimaatakkoord's deadline."),
        new("Planuitval", "Plan failure",
            "De opbrengst die door vastgelegde planuitval wegvalt, als aandeel van gerealiseerd + pijplijn + weggevallen.",
            "The yield lost to recorded plan failure, as a share of realised + pipeline + lost."),
    ];

    private static readonly ConditionalWeakTable<RegisterState, NationalOverview> Cache = new();

    public static NationalOverview Of(RegisterState state) => Cache.GetValue(state, Calculate);

    private static NationalOverview Calculate(RegisterState state)
    {
        var bids = state.RegionBids.ToDictionary(b => b.RegionId, StringComparer.Ordinal);
        var projectsByRegion = state.Projects.ToLookup(p => p.RegionId, StringComparer.Ordinal);
        var lines = new List<NationalRegionLine>();
        foreach (var region in state.Regions)
        {
            var overview = RegisterFigures.Overview(state, region.Id)!;
            var all = projectsByRegion[region.Id].ToList();
            var counted = RegisterFigures.CountedProjects(all);
            var municipalities = state.MunicipalitiesOf(region.Id);
            var withProjects = counted.Select(p => p.MunicipalityId).ToHashSet();
            var participation = ParticipationCalculator.Calculate(
                counted.Select(p => new ParticipationFacts(p.Id, p.Name, p.Technique, p.CapacityMw, p.Phase, p.LocalOwnershipPercent, p.Participation, p.PhaseHistory, p.IsExample, p.PhaseDate)).ToList(),
                NewProjectRule.Of(region));
            var permits = PermitProgressCalculator.Calculate(counted.Select(p => new PermitFacts(p.Id, p.CapacityMw, p.Phase, p.Permits)).ToList());
            var bid = bids.TryGetValue(region.Id, out var b)
                ? new NationalBid(b.Kind, b.BidMwh, b.LowMwh, b.HighMwh, b.Source, b.Note, b.Mark,
                    b.Kind == BidKind.Figure ? overview.TotalTarget?.ReferenceDate ?? NationalSeed.BidReferenceDate : NationalSeed.BidReferenceDate, FromTarget: false)
                : overview.TotalTarget is { } target
                    ? new NationalBid(BidKind.Figure, target.ValueMwh, null, null, target.Source, target.Note, null, target.ReferenceDate, FromTarget: true)
                    : new NationalBid(BidKind.Unknown, null, null, null, null, null, null, null, FromTarget: true);
            lines.Add(new NationalRegionLine(
                region.Id, b?.Code, region.Name, bid,
                overview.Total.RealisedMwh, overview.Total.PipelineMwh, overview.Total.FailedMwh,
                counted.Count, overview.Total.ProjectsWithoutYield,
                municipalities.Count, municipalities.Count(m => withProjects.Contains(m.Id)),
                participation.CapacityWeightedPercent, participation.NewProjects.Count, participation.Known.Count,
                permits.GrantedBeforeDeadline,
                Register.Completeness.Of(state, region.Id),
                overview.NewestSourceDate,
                counted.Count > 0 && counted.All(p => p.IsExample),
                b?.BoundaryGeoJson));
        }

        lines = [.. lines.OrderBy(l => l.Code ?? "~").ThenBy(l => l.Name, StringComparer.Ordinal)];
        var totals = new NationalTotals(
            lines.Sum(l => l.RealisedMwh), lines.Sum(l => l.PipelineMwh), lines.Sum(l => l.FailedMwh), lines.Sum(l => l.Projects),
            lines.Sum(l => l.Municipalities), lines.Sum(l => l.MunicipalitiesWithProjects),
            lines.Sum(l => l.Bid.BandLowMwh ?? 0m), lines.Sum(l => l.Bid.BandHighMwh ?? 0m),
            lines.Where(l => l.Bid.Kind == BidKind.Figure).Sum(l => l.Bid.BidMwh!.Value),
            lines.Count(l => l.Bid.Kind == BidKind.Figure), lines.Count(l => l.Bid.Kind == BidKind.Range), lines.Count(l => l.Bid.Kind == BidKind.Unknown),
            NationalTargetMwh);
        var shares = lines.Where(l => l.Bid.Kind == BidKind.Figure && l.HasProjects && l.RealisedShareLow is not null).Select(l => l.RealisedShareLow!.Value).ToList();
        return new NationalOverview(state.Date, lines, totals, shares.Count > 0 ? shares.Average() : null, shares.Count);
    }
}
