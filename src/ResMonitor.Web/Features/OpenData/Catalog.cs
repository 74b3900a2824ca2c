using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Data;
using ResMonitor.Core.Regions;

namespace ResMonitor.Web.Features.OpenData;

/// <summary>
/// The DCAT-AP-DONL catalogue (RDF/XML) that data.overheid.nl harvests: one dcat:Catalog, a dcat:Dataset per
/// region, a dcat:Distribution per download and one for the JSON API. Values come from the DONL value lists
/// (licence, theme, language, file type, media type, access rights, frequency). URLs are absolute, taken from the
/// request's scheme and host. Publisher and place are settings (OpenData:PublisherUri, OpenData:SpatialUri).
/// </summary>
public static class Catalog
{
    public const string MediaType = "application/rdf+xml";

    public const string LicenseUri = "http://creativecommons.org/licenses/by/4.0/deed.nl";

    public const string ThemeUri = "http://standaarden.overheid.nl/owms/terms/Energie";

    public const string DutchUri = "http://publications.europa.eu/resource/authority/language/NLD";

    public const string EnglishUri = "http://publications.europa.eu/resource/authority/language/ENG";

    public const string PublicUri = "http://publications.europa.eu/resource/authority/access-right/PUBLIC";

    public const string IrregularUri = "http://publications.europa.eu/resource/authority/frequency/IRREG";

    public const string DefaultPublisherUri = "http://standaarden.overheid.nl/owms/terms/Drenthe_(provincie)";

    public const string DefaultSpatialUri = "http://standaarden.overheid.nl/owms/terms/Drenthe";

    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace Dcat = "http://www.w3.org/ns/dcat#";
    private static readonly XNamespace Dct = "http://purl.org/dc/terms/";
    private static readonly XNamespace Foaf = "http://xmlns.com/foaf/0.1/";
    private static readonly XNamespace Vcard = "http://www.w3.org/2006/vcard/ns#";
    private static readonly XNamespace Xsd = "http://www.w3.org/2001/XMLSchema#";
    private static readonly XNamespace Adms = "http://www.w3.org/ns/adms#";

    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    internal static async Task<IResult> GetAsync(HttpRequest request, ResMonitorDbContext db, IConfiguration configuration, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct);
        var datasets = new List<XElement>();
        DateOnly? latest = null;
        foreach (var region in regions)
        {
            var modified = await OpenDataEndpoints.LatestSourceDateAsync(db, region.Id, ct);
            var contact = await db.Organisations.AsNoTracking()
                .Where(o => o.RegionId == region.Id && o.Kind == OrganisationKind.Province && o.Website != null)
                .Select(o => new { o.Name, o.Website })
                .FirstOrDefaultAsync(ct);
            latest = modified > latest || latest is null ? modified : latest;
            datasets.Add(Dataset(BaseUrl(request), region, modified, contact?.Name, contact?.Website, configuration));
        }

        var catalog = new XElement(Dcat + "Catalog",
            new XAttribute(Rdf + "about", BaseUrl(request) + "/open-data/catalogus"),
            Text(Dct + "title", "nl", "Open data van ResMonitor"),
            Text(Dct + "title", "en", "ResMonitor open data"),
            Text(Dct + "description", "nl", "De open data van ResMonitor, het register en de monitor van de regionale energiestrategie: wind- en zonprojecten en gemeenten met hun cijfers."),
            Text(Dct + "description", "en", "The open data of ResMonitor, the register and monitor of the regional energy strategy: wind and solar projects and municipalities with their figures."),
            Resource(Dct + "publisher", configuration["OpenData:PublisherUri"] ?? DefaultPublisherUri),
            Resource(Dct + "language", DutchUri),
            Resource(Dct + "license", LicenseUri),
            Resource(Foaf + "homepage", BaseUrl(request) + "/open-data"),
            latest is { } date ? Date(Dct + "modified", date) : null,
            datasets.Select(d => new XElement(Dcat + "dataset", d)));
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(Rdf + "RDF",
                new XAttribute(XNamespace.Xmlns + "rdf", Rdf),
                new XAttribute(XNamespace.Xmlns + "dcat", Dcat),
                new XAttribute(XNamespace.Xmlns + "dct", Dct),
                new XAttribute(XNamespace.Xmlns + "foaf", Foaf),
                new XAttribute(XNamespace.Xmlns + "vcard", Vcard),
                new XAttribute(XNamespace.Xmlns + "adms", Adms),
                catalog));
        return TypedResults.Stream(
            async body =>
            {
                await using var writer = XmlWriter.Create(body, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true });
                await document.SaveAsync(writer, CancellationToken.None);
            },
            MediaType + "; charset=utf-8");
    }

    private static XElement Dataset(string baseUrl, Region region, DateOnly? modified, string? contactName, string? contactUrl, IConfiguration configuration)
    {
        var landing = baseUrl + "/open-data";
        var publisher = configuration["OpenData:PublisherUri"] ?? DefaultPublisherUri;
        var distributions = Downloads.All.Select(d => Distribution(
                baseUrl + d.Url(region.Id), baseUrl + d.Url(region.Id), d.TitleNl, d.TitleEn, d.DescriptionNl, d.DescriptionEn,
                d.FileTypeUri, d.MediaTypeUri, modified))
            .Append(Distribution(
                baseUrl + $"/api/v1/regions/{region.Id}/projects", null,
                "Projecten via de JSON-API", "Projects through the JSON API",
                "De projecten als JSON, te beperken met gemeente, techniek en fase; ook gemeenten met cijfers. Beschreven in " + baseUrl + "/openapi/v1.json.",
                "The projects as JSON, selectable by municipality, technique and phase; also municipalities with figures. Described in " + baseUrl + "/openapi/v1.json.",
                "http://publications.europa.eu/resource/authority/file-type/JSON", "https://www.iana.org/assignments/media-types/application/json", modified));
        return new XElement(Dcat + "Dataset",
            new XAttribute(Rdf + "about", $"{landing}#{region.Id}"),
            new XElement(Dct + "identifier", $"{baseUrl}/open-data/{region.Id}"),
            Text(Dct + "title", "nl", $"Wind- en zonprojecten {region.Name}"),
            Text(Dct + "title", "en", $"Wind and solar projects {region.Name}"),
            Text(Dct + "description", "nl", $"Register van de wind- en zonprojecten van {region.Name}: techniek, vermogen, gemeente, locatie, fasegeschiedenis, vergunning, eigendom en participatie, met bron en peildatum per project; en per gemeente de opwek en het vermogen van gerealiseerde en vergunde projecten en projecten in procedure, met de gemeentegrenzen. {region.Description}"),
            Text(Dct + "description", "en", $"Register of the wind and solar projects of {region.Name}: technique, capacity, municipality, location, phase history, permit, ownership and participation, with source and reference date per project; and per municipality the generation and capacity of realised and permitted or in-procedure projects, with the municipality boundaries."),
            Resource(Dct + "publisher", publisher),
            Resource(Dct + "creator", publisher),
            new XElement(Dcat + "contactPoint",
                new XElement(Vcard + "Organization",
                    new XElement(Vcard + "fn", contactName ?? region.Name),
                    Resource(Vcard + "hasURL", contactUrl ?? landing))),
            Resource(Dct + "license", LicenseUri),
            Resource(Dct + "accessRights", PublicUri),
            Resource(Dcat + "theme", ThemeUri),
            Text(Dcat + "keyword", "nl", "RES"),
            Text(Dcat + "keyword", "nl", "regionale energiestrategie"),
            Text(Dcat + "keyword", "nl", "windenergie"),
            Text(Dcat + "keyword", "nl", "zonne-energie"),
            Text(Dcat + "keyword", "en", "renewable energy"),
            Resource(Dct + "spatial", configuration["OpenData:SpatialUri"] ?? DefaultSpatialUri),
            Resource(Dct + "language", DutchUri),
            Resource(Dct + "accrualPeriodicity", IrregularUri),
            Resource(Dcat + "landingPage", landing),
            Resource(Adms + "status", "http://purl.org/adms/status/Completed"),
            modified is { } date ? Date(Dct + "modified", date) : null,
            distributions.Select(d => new XElement(Dcat + "distribution", d)));
    }

    private static XElement Distribution(
        string access, string? download, string titleNl, string titleEn, string descriptionNl, string descriptionEn,
        string format, string mediaType, DateOnly? modified) =>
        new(Dcat + "Distribution",
            new XAttribute(Rdf + "about", access),
            Text(Dct + "title", "nl", titleNl),
            Text(Dct + "title", "en", titleEn),
            Text(Dct + "description", "nl", descriptionNl),
            Text(Dct + "description", "en", descriptionEn),
            Resource(Dcat + "accessURL", access),
            download is null ? null : Resource(Dcat + "downloadURL", download),
            Resource(Dct + "format", format),
            Resource(Dcat + "mediaType", mediaType),
            Resource(Dct + "license", LicenseUri),
            Resource(Dct + "language", DutchUri),
            modified is { } date ? Date(Dct + "modified", date) : null);

    private static XElement Text(XName name, string language, string text) =>
        new(name, new XAttribute(XNamespace.Xml + "lang", language), text);

    private static XElement Resource(XName name, string uri) => new(name, new XAttribute(Rdf + "resource", uri));

    private static XElement Date(XName name, DateOnly date) =>
        new(name, new XAttribute(Rdf + "datatype", Xsd.NamespaceName + "date"), date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
