using System.ComponentModel;
using System.IO.Compression;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;
using ResMonitor.Core.OpenData;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;

namespace ResMonitor.Web.Features.OpenData;

/// <summary>
/// Open data: the JSON API under /api/v1 (municipalities and projects of a region), the downloads under
/// /open-data/{region}/ (CSV, CSV for Excel, GeoJSON, ZIP with datapackage.json), all streamed, and the
/// DCAT-AP-DONL catalogue at /open-data/catalogus. The page /open-data lists them all.
/// </summary>
public static class OpenDataEndpoints
{
    private const string MunicipalityDescription = "CBS-code van een gemeente van de regio, bijvoorbeeld GM0106. Alleen die gemeente.";
    private const string TechniqueDescription = "Alleen projecten met deze techniek: wind, zon_op_land of zon_op_dak.";
    private const string PhaseDescription = "Alleen projecten in deze fase: idee, in_procedure, vergund, onherroepelijk, sde, in_aanbouw, gerealiseerd of ingetrokken.";

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/regions/{region}").WithTags("Open data");
        api.MapGet("/municipalities", ListMunicipalities)
            .WithName("ListMunicipalities")
            .WithSummary("De gemeenten van de regio met hun cijfers")
            .WithDescription("Per gemeente: inwoners (met bron en peildatum), opwek per jaar en vermogen van gerealiseerde en vergunde projecten en projecten in procedure, aantal projecten, met de peildatum en de bron van de cijfers. Energie in MWh per jaar, vermogen in MW. Met peildatum de cijfers zoals ze aan het eind van die dag bekend waren. 400 bij een onjuiste parameter, 404 bij een onbekende regio.");
        api.MapGet("/municipalities/{code}", GetMunicipality)
            .WithName("GetMunicipality")
            .WithSummary("Eén gemeente met haar cijfers")
            .WithDescription("De gemeente met CBS-code {code} (bijvoorbeeld GM0106). 400 als de code geen CBS-gemeentecode is, 404 als de gemeente niet bij de regio hoort.");
        api.MapGet("/projects", ListProjects)
            .WithName("ListProjects")
            .WithSummary("De wind- en zonprojecten van de regio")
            .WithDescription("Alle projecten met fasegeschiedenis, bron en peildatum, op volgorde van project_id, te beperken met gemeente, techniek en fase. De lijst wordt gestreamd. Met peildatum de projecten zoals ze aan het eind van die dag bekend waren (een later opgenomen project ontbreekt dan), in de fase van die dag. Een selectie zonder projecten geeft een lege lijst. 400 bij een onjuiste of onbekende parameter (de fout noemt de parameter en de toegestane waarden), 404 bij een onbekende regio.");
        api.MapGet("/projects/{id}", GetProject)
            .WithName("GetProject")
            .WithSummary("Eén project")
            .WithDescription("Het project met sleutel {id}, met fasegeschiedenis, bron en peildatum. 404 als het project niet in de regio staat.");

        var files = routes.MapGroup("/open-data/{region}").WithTags("Open data: downloads");
        foreach (var download in Downloads.All)
        {
            var endpoint = download.Kind == DownloadKind.Municipalities
                ? files.MapGet("/" + download.File, (string region, [Description(MunicipalityDescription)] string? gemeente, HttpRequest request, ResMonitorDbContext db, Register.RegisterResolver register, CancellationToken ct) =>
                    DownloadAsync(download, region, Selection.MunicipalityParameters, request, db, register, ct))
                : files.MapGet("/" + download.File, (string region, [Description(MunicipalityDescription)] string? gemeente, [Description(TechniqueDescription)] string? techniek, [Description(PhaseDescription)] string? fase, HttpRequest request, ResMonitorDbContext db, Register.RegisterResolver register, CancellationToken ct) =>
                    DownloadAsync(download, region, Selection.ProjectParameters, request, db, register, ct));
            endpoint
                .WithName("Download-" + download.Name)
                .WithSummary("Download: " + download.TitleNl)
                .WithDescription(download.DescriptionNl + " Wordt gestreamd. Een selectie zonder rijen geeft een geldig bestand met alleen de kopregel (CSV) of een lege FeatureCollection (GeoJSON).")
                .Produces(StatusCodes.Status200OK, contentType: download.MediaType)
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status404NotFound);
        }

        routes.MapGet("/open-data/catalogus", Catalog.GetAsync)
            .WithTags("Open data: downloads")
            .WithName("GetCatalog")
            .WithSummary("De DCAT-AP-DONL-catalogus voor data.overheid.nl")
            .WithDescription("dcat:Catalog met per regio een dcat:Dataset en per download een dcat:Distribution, als RDF/XML, zodat data.overheid.nl de open data kan oogsten.")
            .Produces(StatusCodes.Status200OK, contentType: Catalog.MediaType);
        return routes;
    }

    internal static async Task<Results<Ok<MunicipalityList>, ProblemHttpResult>> ListMunicipalities(
        string region, [Description(MunicipalityDescription)] string? gemeente, [Description(History.Peildatum.Description)] string? peildatum,
        HttpRequest request, Register.RegisterResolver register, TimeProvider clock, CancellationToken ct)
    {
        var (entity, codes) = RegionOf(await register.TodayAsync(ct), region);
        if (entity is null)
        {
            return UnknownRegion(region);
        }

        var (filter, problem) = Selection.Read(request.Query, [.. Selection.MunicipalityParameters, History.Peildatum.Parameter], entity.Name, codes);
        if (problem is not null)
        {
            return problem;
        }

        var reading = History.Peildatum.Read(peildatum, clock);
        if (!reading.IsValid)
        {
            return History.Peildatum.Problem(reading);
        }

        var (referenceDate, rows) = Municipalities(await register.OnAsync(reading.Date, ct), region, filter!);
        return TypedResults.Ok(new MunicipalityList(region, entity.Name, referenceDate, MunicipalityExport.Source(entity),
            rows.Select(r => reading.Date is { } date
                ? MunicipalityItem.From(r, region, entity, date) with { Page = $"/gemeenten/{Core.Slug.From(r.Municipality.Name)}?peildatum={History.Peildatum.Text(date)}" }
                : MunicipalityItem.From(r, region, entity, referenceDate)).ToList()));
    }

    internal static async Task<Results<Ok<MunicipalityItem>, ProblemHttpResult>> GetMunicipality(
        string region, string code, Register.RegisterResolver register, CancellationToken ct)
    {
        var state = await register.TodayAsync(ct);
        var (entity, codes) = RegionOf(state, region);
        if (entity is null)
        {
            return UnknownRegion(region);
        }

        var upper = code.ToUpperInvariant();
        if (!Selection.MunicipalityCode().IsMatch(upper))
        {
            return Selection.BadRequest("code", $"'{code}' is geen CBS-gemeentecode: GM gevolgd door vier cijfers, bijvoorbeeld GM0106.", codes.Order(StringComparer.Ordinal).ToList());
        }

        if (!codes.Contains(upper))
        {
            return Selection.NotFound("Onbekende gemeente", $"De gemeente '{upper}' hoort niet bij {entity.Name}.");
        }

        var (referenceDate, rows) = Municipalities(state, region, new ProjectFilter(upper));
        return TypedResults.Ok(MunicipalityItem.From(rows.Single(), region, entity, referenceDate));
    }

    internal static async Task<Results<Ok<ProjectList>, ProblemHttpResult>> ListProjects(
        string region,
        [Description(MunicipalityDescription)] string? gemeente,
        [Description(TechniqueDescription)] string? techniek,
        [Description(PhaseDescription)] string? fase,
        [Description(History.Peildatum.Description)] string? peildatum,
        HttpRequest request,
        Register.RegisterResolver register,
        TimeProvider clock,
        CancellationToken ct)
    {
        var (entity, codes) = RegionOf(await register.TodayAsync(ct), region);
        if (entity is null)
        {
            return UnknownRegion(region);
        }

        var (filter, problem) = Selection.Read(request.Query, [.. Selection.ProjectParameters, History.Peildatum.Parameter], entity.Name, codes);
        if (problem is not null)
        {
            return problem;
        }

        var reading = History.Peildatum.Read(peildatum, clock);
        if (!reading.IsValid)
        {
            return History.Peildatum.Problem(reading);
        }

        var state = await register.OnAsync(reading.Date, ct);
        var selected = state.ProjectsOf(region)
            .Where(p => (filter!.MunicipalityCode is null || p.Municipality?.Code == filter.MunicipalityCode)
                && (filter.Technique is null || p.Technique == filter.Technique)
                && (filter.Phase is null || p.Phase == filter.Phase))
            .Select(p => reading.Date is { } date
                ? ProjectItem.From(p) with { Page = $"/projecten/{p.Id}?peildatum={History.Peildatum.Text(date)}" }
                : ProjectItem.From(p))
            .ToList();
        return TypedResults.Ok(new ProjectList(region, ProjectListFilter.From(filter!), selected.ToAsyncEnumerable()) { Peildatum = reading.Date });
    }

    internal static async Task<Results<Ok<ProjectItem>, ProblemHttpResult>> GetProject(
        string region, string id, Register.RegisterResolver register, CancellationToken ct)
    {
        var state = await register.TodayAsync(ct);
        var (entity, _) = RegionOf(state, region);
        if (entity is null)
        {
            return UnknownRegion(region);
        }

        if (!Selection.ProjectId().IsMatch(id))
        {
            return Selection.BadRequest("id", $"'{id}' is geen projectsleutel: letters, cijfers, '.', '_' en '-', hoogstens 64 tekens.", []);
        }

        var project = state.Project(id) is { } found && found.RegionId == region ? found : null;
        return project is null
            ? Selection.NotFound("Onbekend project", $"Het project '{id}' staat niet in het register van {entity.Name}.")
            : TypedResults.Ok(ProjectItem.From(project));
    }

    internal static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        Download download, string region, IReadOnlyList<string> parameters, HttpRequest request, ResMonitorDbContext db, Register.RegisterResolver register, CancellationToken ct)
    {
        var state = await register.TodayAsync(ct);
        var (entity, codes) = RegionOf(state, region);
        if (entity is null)
        {
            return UnknownRegion(region);
        }

        var (filter, problem) = Selection.Read(request.Query, parameters, entity.Name, codes);
        if (problem is not null)
        {
            return problem;
        }

        var contentType = download.Format == "csv" ? download.MediaType + "; charset=utf-8" : download.MediaType;
        return TypedResults.Stream(
            body => download.Kind == DownloadKind.Package
                ? WritePackageAsync(entity, filter!, body, db, state, request, ct)
                : WriteFileAsync(download, entity, filter!, body, db, state, ct),
            contentType,
            $"{region}-{download.File}");
    }

    /// <summary>Writes one file straight to <paramref name="output"/>; nothing is collected first.</summary>
    internal static async Task WriteFileAsync(
        Download download, Region region, ProjectFilter filter, Stream output, ResMonitorDbContext db, Core.History.RegisterState state, CancellationToken ct)
    {
        if (download.Kind == DownloadKind.Projects)
        {
            var format = download.Format == "geojson" ? ExportFormat.GeoJson
                : download.Format == "xlsx" ? ExportFormat.Xlsx
                : download.Dialect == CsvDialect.Excel ? ExportFormat.ExcelCsv : ExportFormat.Csv;
            await new ProjectExport(db).WriteAsync(region.Id, filter, format, output, ct);
            return;
        }

        var (referenceDate, rows) = Municipalities(state, region.Id, filter);
        if (download.Format == "geojson")
        {
            await MunicipalityExport.WriteGeoJsonAsync(rows, region, referenceDate, output, ct);
        }
        else
        {
            await MunicipalityExport.WriteCsvAsync(rows, region, referenceDate, download.Dialect ?? CsvDialect.Standard, output, ct);
        }
    }

    /// <summary>The ZIP, written entry by entry into the response as each file is produced.</summary>
    private static async Task WritePackageAsync(
        Region region, ProjectFilter filter, Stream output, ResMonitorDbContext db, Core.History.RegisterState state, HttpRequest request, CancellationToken ct)
    {
        var modified = state.ProjectsOf(region.Id).Select(p => (DateOnly?)p.SourceDate).Max();
        await using var body = new DeferredSyncWriteStream(output);
        await using (var zip = await ZipArchive.CreateAsync(body, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct))
        {
            foreach (var file in Downloads.Files)
            {
                var entry = zip.CreateEntry(file.File, CompressionLevel.Optimal);
                await using var stream = await entry.OpenAsync(ct);
                await WriteFileAsync(file, region, filter, stream, db, state, ct);
            }

            // With more than one region in the instance, the national table too (the figures of /landelijk).
            var national = state.Regions.Count > 1;
            if (national)
            {
                var entry = zip.CreateEntry(Core.National.NationalExport.PackageFile, CompressionLevel.Optimal);
                await using var stream = await entry.OpenAsync(ct);
                await stream.WriteAsync(CsvDialect.Standard.Encoding.GetBytes(Core.National.NationalExport.Csv(Core.National.NationalFigures.Of(state), CsvDialect.Standard)), ct);
            }

            var descriptor = zip.CreateEntry(DataPackage.FileName, CompressionLevel.Optimal);
            await using var json = await descriptor.OpenAsync(ct);
            await DataPackage.WriteAsync(json, PackageInfo(region, modified, Catalog.BaseUrl(request)),
                national ? [.. Downloads.Files.Select(Resource), NationalResource] : Downloads.Files.Select(Resource), ct);
        }

        await body.FlushAsync(ct);
    }

    public static DataPackageInfo PackageInfo(Region region, DateOnly? modified, string baseUrl) => new(
        $"resmonitor-{region.Id}",
        $"Wind- en zonprojecten {region.Name}",
        $"De wind- en zonprojecten van {region.Name} met fasegeschiedenis, vergunning, eigendom, bron en peildatum, en de gemeenten met hun cijfers en grenzen. Uit ResMonitor, het register en de monitor van de regionale energiestrategie.",
        baseUrl + "/open-data",
        modified,
        [new("Creative Commons Naamsvermelding 4.0 Internationaal", "https://creativecommons.org/licenses/by/4.0/", "CC-BY-4.0")],
        [
            new($"ResMonitor, register van {region.Name} (bron en peildatum per project in de kolommen bron en peildatum)", baseUrl + "/open-data"),
            new("Gemeentegrenzen: CBS / Kadaster, CC BY 4.0 (via het project cartomap/nl)", "https://www.cbs.nl/nl-nl/dossier/nederland-regionaal/geografische-data"),
            new("Inwoners: CBS, bevolking op 1 januari", "https://opendata.cbs.nl"),
        ]);

    /// <summary>The national table in the package: every region against its bid (see /landelijk).</summary>
    private static readonly DataResource NationalResource = new(
        "landelijk-regios", Core.National.NationalExport.PackageFile, "Alle RES-regio's tegen hun bod",
        "Per RES-regio het RES 1.0-bod (getal, bandbreedte of onbekend) met bron, en gerealiseerd, vergund of in procedure, registerdekking en de vergelijkbare indicatoren, zoals op /landelijk.",
        "csv", "text/csv", Core.National.NationalExport.Fields, CsvDialect.Standard);

    private static DataResource Resource(Download d) =>
        new(d.Name, d.File, d.TitleNl, d.DescriptionNl, d.Format, d.MediaType, d.Fields, d.Dialect);

    internal static (Region? Region, HashSet<string> MunicipalityCodes) RegionOf(Core.History.RegisterState state, string region) =>
        state.Region(region) is { } entity
            ? (entity, state.MunicipalitiesOf(region).Select(o => o.Code).ToHashSet(StringComparer.Ordinal))
            : (null, []);

    internal static async Task<DateOnly?> LatestSourceDateAsync(ResMonitorDbContext db, string region, CancellationToken ct) =>
        await db.Projects.Where(p => p.RegionId == region).MaxAsync(p => (DateOnly?)p.SourceDate, ct);

    /// <summary>The municipalities (all, or the one of the filter) with their line of the day's overview, in name order.</summary>
    internal static (DateOnly ReferenceDate, List<MunicipalityFigures> Rows) Municipalities(
        Core.History.RegisterState state, string region, ProjectFilter filter)
    {
        var overview = Core.Register.RegisterFigures.Overview(state, region)
            ?? throw new InvalidOperationException($"De regio '{region}' verdween tijdens het verzoek.");
        var municipalities = state.MunicipalitiesOf(region).ToDictionary(o => o.Code);
        var rows = overview.ByMunicipality
            .Where(line => filter.MunicipalityCode is null || line.Key == filter.MunicipalityCode)
            .Select(line => new MunicipalityFigures(municipalities[line.Key], line))
            .ToList();
        return (overview.ReferenceDate, rows);
    }

    private static ProblemHttpResult UnknownRegion(string region) =>
        Selection.NotFound("Onbekende regio", $"De regio '{region}' staat niet in het register.");
}
