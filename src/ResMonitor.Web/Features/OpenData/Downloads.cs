using ResMonitor.Core.OpenData;

namespace ResMonitor.Web.Features.OpenData;

public enum DownloadKind
{
    Projects,
    Municipalities,
    Package,
}

/// <summary>
/// One downloadable file. Its title, description, format and media type are shared by the /open-data page, the
/// datapackage.json in the ZIP and the DCAT catalogue, so that the three never disagree.
/// </summary>
public sealed record Download(
    string File,
    DownloadKind Kind,
    string Format,
    string MediaType,
    string FileType,
    string TitleNl,
    string TitleEn,
    string DescriptionNl,
    string DescriptionEn,
    CsvDialect? Dialect = null)
{
    public string Name => Path.GetFileNameWithoutExtension(File) + (Format is "geojson" or "xlsx" ? "-" + Format : "");

    public string Url(string region) => $"/open-data/{region}/{File}";

    /// <summary>The EU file-type authority URI (mdr:Filetype, as DCAT-AP-DONL asks for dct:format).</summary>
    public string FileTypeUri => "http://publications.europa.eu/resource/authority/file-type/" + FileType;

    /// <summary>The IANA media type URI (iana:Mediatype, as DCAT-AP-DONL asks for dcat:mediaType).</summary>
    public string MediaTypeUri => "https://www.iana.org/assignments/media-types/" + MediaType;

    public IReadOnlyList<OpenDataField>? Fields => Format != "csv" ? null
        : Kind == DownloadKind.Projects ? OpenDataSchema.ProjectFields : OpenDataSchema.MunicipalityFields;
}

public static class Downloads
{
    private const string ExcelNl = " Voor Excel: puntkomma als scheidingsteken, decimale komma, UTF-8 met BOM.";
    private const string ExcelEn = " For Excel: semicolon separator, decimal comma, UTF-8 with BOM.";

    public static readonly Download ProjectsCsv = new(
        "projecten.csv", DownloadKind.Projects, "csv", "text/csv", "CSV",
        "Projecten (CSV)", "Projects (CSV)",
        "Alle wind- en zonprojecten met fasegeschiedenis, vergunning, eigendom, bron en peildatum; één rij per project, in het importformaat van het register. Komma als scheidingsteken, decimale punt, UTF-8 zonder BOM.",
        "All wind and solar projects with phase history, permit, ownership, source and reference date; one row per project, in the register's import format. Comma separator, decimal point, UTF-8 without BOM.",
        CsvDialect.Standard);

    public static readonly Download ProjectsExcel = new(
        "projecten-excel.csv", DownloadKind.Projects, "csv", "text/csv", "CSV",
        "Projecten (CSV voor Excel)", "Projects (CSV for Excel)",
        "Dezelfde kolommen als de projecten-CSV." + ExcelNl,
        "The same columns as the projects CSV." + ExcelEn,
        CsvDialect.Excel);

    public static readonly Download ProjectsXlsx = new(
        "projecten.xlsx", DownloadKind.Projects, "xlsx", ResMonitor.Core.Projects.ProjectXlsx.MediaType, "XLSX",
        "Projecten (Excel-werkmap)", "Projects (Excel workbook)",
        "Dezelfde kolommen als de projecten-CSV, als Excel-werkmap: getallen als getallen, datums als datums. Kan weer worden ingelezen.",
        "The same columns as the projects CSV, as an Excel workbook: numbers as numbers, dates as dates. Can be imported again.");

    public static readonly Download ProjectsGeoJson = new(
        "projecten.geojson", DownloadKind.Projects, "geojson", "application/geo+json", "GEOJSON",
        "Projecten (GeoJSON)", "Projects (GeoJSON)",
        "De projecten als punten (WGS84). Projecten zonder locatie staan er niet in; die staan wel in de CSV.",
        "The projects as points (WGS84). Projects without a location are left out; they are in the CSV.");

    public static readonly Download MunicipalitiesCsv = new(
        "gemeenten.csv", DownloadKind.Municipalities, "csv", "text/csv", "CSV",
        "Gemeenten met cijfers (CSV)", "Municipalities with figures (CSV)",
        "Per gemeente: inwoners, opwek per jaar en vermogen van gerealiseerde en vergunde projecten en projecten in procedure, aantal projecten, met bron en peildatum. Komma, decimale punt, UTF-8 zonder BOM.",
        "Per municipality: inhabitants, yearly generation and capacity of realised and permitted or in-procedure projects, number of projects, with source and reference date. Comma, decimal point, UTF-8 without BOM.",
        CsvDialect.Standard);

    public static readonly Download MunicipalitiesExcel = new(
        "gemeenten-excel.csv", DownloadKind.Municipalities, "csv", "text/csv", "CSV",
        "Gemeenten met cijfers (CSV voor Excel)", "Municipalities with figures (CSV for Excel)",
        "Dezelfde kolommen als de gemeenten-CSV." + ExcelNl,
        "The same columns as the municipalities CSV." + ExcelEn,
        CsvDialect.Excel);

    public static readonly Download MunicipalitiesGeoJson = new(
        "gemeenten.geojson", DownloadKind.Municipalities, "geojson", "application/geo+json", "GEOJSON",
        "Gemeenten met grenzen (GeoJSON)", "Municipalities with boundaries (GeoJSON)",
        "De gemeentegrenzen (CBS/Kadaster, CC BY 4.0) met dezelfde cijfers als de gemeenten-CSV als eigenschappen.",
        "The municipality boundaries (CBS/Kadaster, CC BY 4.0) with the figures of the municipalities CSV as properties.");

    public static readonly Download Package = new(
        "open-data.zip", DownloadKind.Package, "zip", "application/zip", "ZIP",
        "Alles in één ZIP", "Everything in one ZIP",
        "Alle bestanden hierboven samen met een datapackage.json (Frictionless Data Package) die elk bestand en elke kolom beschrijft.",
        "All files above together with a datapackage.json (Frictionless Data Package) describing every file and column.");

    /// <summary>The files inside the ZIP, in order.</summary>
    public static readonly IReadOnlyList<Download> Files =
        [ProjectsCsv, ProjectsExcel, ProjectsGeoJson, MunicipalitiesCsv, MunicipalitiesExcel, MunicipalitiesGeoJson];

    /// <summary>Every download: the files of the ZIP, the workbook (not in the ZIP: the CSVs hold the same), the ZIP.</summary>
    public static readonly IReadOnlyList<Download> All = [ProjectsCsv, ProjectsExcel, ProjectsXlsx, .. Files.Skip(2), Package];
}
