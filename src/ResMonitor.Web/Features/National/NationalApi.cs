using Microsoft.AspNetCore.Http.HttpResults;
using ResMonitor.Core.National;
using ResMonitor.Core.OpenData;
using ResMonitor.Web.Features.History;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.National;

/// <summary>The national figures as JSON under /api/v1 and as CSV under /open-data, the same numbers as /landelijk.</summary>
public static class NationalApi
{
    public static IEndpointRouteBuilder MapNational(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/national", GetAsync)
            .WithTags("Landelijk")
            .WithName("GetNational")
            .WithSummary("Alle RES-regio's tegen hun bod en samen tegen 35 TWh")
            .WithDescription("Per regio het RES 1.0-bod (soort: getal, bandbreedte of onbekend; een onbekend bod is null, nooit 0) met bron, gerealiseerd, vergund of in procedure, nog in te vullen, registerdekking en de vergelijkbare indicatoren; daarnaast de landelijke sommen. Energie in MWh per jaar. Met ?peildatum=jjjj-mm-dd de stand van die dag.");
        var files = routes.MapGroup("/open-data/landelijk").WithTags("Open data: downloads");
        files.MapGet("/regios.csv", (string? peildatum, RegisterResolver register, TimeProvider clock, CancellationToken ct) => CsvAsync(peildatum, CsvDialect.Standard, "regios.csv", register, clock, ct))
            .WithName("GetNationalCsv").WithSummary("De RES-regio's tegen hun bod (CSV)");
        files.MapGet("/regios-excel.csv", (string? peildatum, RegisterResolver register, TimeProvider clock, CancellationToken ct) => CsvAsync(peildatum, CsvDialect.Excel, "regios-excel.csv", register, clock, ct))
            .WithName("GetNationalCsvExcel").WithSummary("De RES-regio's tegen hun bod (CSV voor Excel)");
        return routes;
    }

    public sealed record BidItem(string Kind, decimal? BidMwh, decimal? LowMwh, decimal? HighMwh, string? Mark, string? Source, DateOnly? ReferenceDate, string? Note, bool FromRegionTarget);

    public sealed record RegionItem(
        string Region, string? Code, string Name, string Href, BidItem Bid, decimal RealisedMwh, decimal PipelineMwh, decimal? RemainingLowMwh, decimal? RemainingHighMwh,
        decimal? RealisedShareLow, decimal? RealisedShareHigh, int Projects, int Municipalities, int MunicipalitiesWithProjects, bool ProjectsRegistered,
        decimal? LocalOwnershipPercent, int NewProjects, int PermittedBefore2025Projects, decimal PermittedBefore2025Mw, decimal FailedMwh,
        IReadOnlyList<CbsItem> RegisterAgainstCbs);

    public sealed record CbsItem(string Technique, decimal RegisterMw, decimal CbsMw, DateOnly PeriodEnd, string Table, string Status, string Source);

    public sealed record TotalsItem(
        decimal TargetMwh, string TargetSource, decimal RealisedMwh, decimal PipelineMwh, decimal RemainingOfTargetMwh, decimal BidLowMwh, decimal BidHighMwh,
        decimal SingleBidsMwh, int SingleBids, int Ranges, int UnknownBids, int Projects, int Municipalities, int MunicipalitiesWithProjects);

    public sealed record NationalItem(DateOnly ReferenceDate, TotalsItem Totals, decimal? AverageRealisedShare, IReadOnlyList<RegionItem> Regions, IReadOnlyList<CountingRule> CountingRules);

    public static NationalItem From(NationalOverview o)
    {
        var t = o.Totals;
        return new NationalItem(
            o.ReferenceDate,
            new TotalsItem(t.NationalTargetMwh, NationalFigures.NationalTargetSource, t.RealisedMwh, t.PipelineMwh, t.RemainingOfTargetMwh, t.BidLowMwh, t.BidHighMwh,
                t.SingleBidsMwh, t.SingleBids, t.Ranges, t.Unknown, t.Projects, t.Municipalities, t.MunicipalitiesWithProjects),
            o.AverageRealisedShare,
            o.Regions.Select(r => new RegionItem(
                r.RegionId, r.Code, r.Name, "/" + r.RegionId,
                new BidItem(NationalExport.KindText(r.Bid.Kind), r.Bid.BidMwh, r.Bid.Kind == BidKind.Range ? r.Bid.LowMwh : r.Bid.BandLowMwh,
                    r.Bid.Kind == BidKind.Range ? r.Bid.HighMwh : r.Bid.BandHighMwh, r.Bid.Mark, r.Bid.Source, r.Bid.ReferenceDate, r.Bid.Note, r.Bid.FromTarget),
                r.RealisedMwh, r.PipelineMwh, r.RemainingLowMwh, r.RemainingHighMwh, r.RealisedShareLow, r.RealisedShareHigh,
                r.Projects, r.Municipalities, r.MunicipalitiesWithProjects, r.HasProjects, r.LocalOwnershipPercent, r.NewProjects,
                r.PermitsBefore2025.Projects, r.PermitsBefore2025.CapacityMw, r.FailedMwh,
                r.Completeness.Select(c => new CbsItem(ResMonitor.Core.Labels.TechniqueKey(c.Technique), c.RegisterMw, c.Official.CapacityMw, c.Official.PeriodEnd,
                    c.Official.TableId, c.Official.Status, c.Official.Source)).ToList()))
                .ToList(),
            NationalFigures.Rules);
    }

    internal static async Task<Results<Ok<NationalItem>, ProblemHttpResult>> GetAsync(
        [System.ComponentModel.Description(Peildatum.Description)] string? peildatum, RegisterResolver register, TimeProvider clock, CancellationToken ct)
    {
        var reading = Peildatum.Read(peildatum, clock);
        if (!reading.IsValid)
        {
            return Peildatum.Problem(reading);
        }

        return TypedResults.Ok(From(NationalFigures.Of(await register.OnAsync(reading.Date, ct))));
    }

    private static async Task<IResult> CsvAsync(string? peildatum, CsvDialect dialect, string file, RegisterResolver register, TimeProvider clock, CancellationToken ct)
    {
        var reading = Peildatum.Read(peildatum, clock);
        if (!reading.IsValid)
        {
            return Peildatum.Problem(reading);
        }

        var csv = NationalExport.Csv(NationalFigures.Of(await register.OnAsync(reading.Date, ct)), dialect);
        var bytes = dialect.Encoding.GetPreamble().Concat(dialect.Encoding.GetBytes(csv)).ToArray();
        return TypedResults.File(bytes, "text/csv; charset=utf-8", reading.Date is { } d ? $"landelijk-{d:yyyy-MM-dd}-{file}" : "landelijk-" + file);
    }
}
