using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core;
using ResMonitor.Core.Data;
using ResMonitor.Core.Regions;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Features.Register;
using ResMonitor.Web.Infrastructure;
using Api = ResMonitor.Web.Features.OpenData;

namespace ResMonitor.Web.Features.OpenData;

/// <summary>
/// Lists every download and the API with what it holds, format, size, licence, source and reference date. The
/// selection form is a plain GET form: it only rewrites the download links, so it works without JavaScript.
/// </summary>
public sealed class OpenDataPageModel(ResMonitorDbContext db, ResMonitor.Web.Features.Register.RegisterResolver register) : PageModel
{
    /// <summary>Measured on the example register: bytes per project row and per municipality row, plus the header.</summary>
    private const int CsvBytesPerProject = 270;
    private const int GeoJsonBytesPerProject = 620;
    private const int CsvBytesPerMunicipality = 460;
    private const int GeoJsonBytesPerMunicipality = 760;
    private const int CsvHeaderBytes = 520;

    public Region Region { get; private set; } = null!;

    public IReadOnlyList<Organisation> Municipalities { get; private set; } = [];

    public int ProjectCount { get; private set; }

    public int LocatedCount { get; private set; }

    public DateOnly? LatestSourceDate { get; private set; }

    /// <summary>How many different sources the projects name; each is on its project's page and in the downloads.</summary>
    public int SourceCount { get; private set; }

    /// <summary>Per technique with an official (CBS) count: how much of it the register holds (from the read model).</summary>
    public IReadOnlyList<ResMonitor.Core.Register.Completeness> Completeness { get; private set; } = [];

    public long BoundaryBytes { get; private set; }

    public string? BoundarySource { get; private set; }

    [BindProperty(SupportsGet = true, Name = "gemeente")]
    public string? Gemeente { get; set; }

    [BindProperty(SupportsGet = true, Name = "techniek")]
    public string? Techniek { get; set; }

    [BindProperty(SupportsGet = true, Name = "fase")]
    public string? Fase { get; set; }

    /// <summary>The chosen selection as a query string ("" or "?gemeente=GM0106&amp;techniek=wind").</summary>
    public string Query { get; private set; } = "";

    public string MunicipalityQuery { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var regionId = HttpContext.Region().Id;
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == regionId, ct);
        if (region is null)
        {
            return NotFound();
        }

        Region = region;
        Municipalities = await db.MunicipalitiesOf(region.Id)
            .OrderBy(o => o.Name)
            .ToListAsync(ct);
        // The project facts from today's read model, as every public figure.
        var state = await register.TodayAsync(ct);
        var projects = state.ProjectsOf(region.Id);
        ProjectCount = projects.Count;
        LocatedCount = projects.Count(p => p.Latitude != null);
        LatestSourceDate = projects.Max(p => (DateOnly?)p.SourceDate);
        SourceCount = projects.Select(p => p.Source).Distinct(StringComparer.Ordinal).Count();
        Completeness = ResMonitor.Core.Register.Completeness.Of(state, region.Id);
        BoundaryBytes = Municipalities.Sum(m => (long)(m.BoundaryGeoJson?.Length ?? 0));
        BoundarySource = Municipalities.FirstOrDefault(m => m.BoundarySource is not null)?.BoundarySource;

        // Only values the downloads accept; anything else is the Dutch 400 page that names the parameter.
        Gemeente = string.IsNullOrWhiteSpace(Gemeente) ? null : Gemeente.Trim().ToUpperInvariant();
        Techniek = string.IsNullOrWhiteSpace(Techniek) ? null : Techniek.Trim();
        Fase = string.IsNullOrWhiteSpace(Fase) ? null : Fase.Trim();
        if (Gemeente is not null && !Municipalities.Any(m => m.Code == Gemeente))
        {
            var codes = string.Join(", ", Municipalities.Select(m => m.Code).Order(StringComparer.Ordinal));
            BadQuery.Page(HttpContext, "gemeente",
                $"De parameter 'gemeente' kent de waarde '{Gemeente}' niet. Kies een CBS-code van {region.Name}: {codes}.",
                $"The parameter 'gemeente' has an unknown value '{Gemeente}'. Choose a CBS code of {region.Name}: {codes}.");
            return BadRequest();
        }

        if (Techniek is not null && !Api.Selection.TechniqueKeys.Contains(Techniek))
        {
            var keys = string.Join(", ", Api.Selection.TechniqueKeys);
            BadQuery.Page(HttpContext, "techniek",
                $"De parameter 'techniek' kent de waarde '{Techniek}' niet. Kies {keys}.",
                $"The parameter 'techniek' has an unknown value '{Techniek}'. Choose {keys}.");
            return BadRequest();
        }

        if (Fase is not null && !Api.Selection.PhaseKeys.Contains(Fase))
        {
            var keys = string.Join(", ", Api.Selection.PhaseKeys);
            BadQuery.Page(HttpContext, "fase",
                $"De parameter 'fase' kent de waarde '{Fase}' niet. Kies {keys}.",
                $"The parameter 'fase' has an unknown value '{Fase}'. Choose {keys}.");
            return BadRequest();
        }

        var parts = new[] { ("gemeente", Gemeente), ("techniek", Techniek), ("fase", Fase) }
            .Where(p => p.Item2 is not null)
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}")
            .ToList();
        Query = parts.Count == 0 ? "" : "?" + string.Join('&', parts);
        MunicipalityQuery = Gemeente is null ? "" : "?gemeente=" + Gemeente;
        return Page();
    }

    public bool IsFiltered => Query.Length > 0;

    public string Link(Api.Download download) =>
        download.Url(Region.Id) + (download.Kind == Api.DownloadKind.Municipalities ? MunicipalityQuery : Query);

    /// <summary>An honest order of magnitude for the whole register (the selection is smaller).</summary>
    public long EstimatedBytes(Api.Download download) => download.Kind switch
    {
        Api.DownloadKind.Projects when download.Format == "geojson" => 50 + (long)LocatedCount * GeoJsonBytesPerProject,
        // The workbook packs the same cells to about 40% of the CSV (bench/import, export of 100,000 projects).
        Api.DownloadKind.Projects when download.Format == "xlsx" => 4_000 + ((long)ProjectCount * CsvBytesPerProject * 2 / 5),
        Api.DownloadKind.Projects => CsvHeaderBytes + (long)ProjectCount * CsvBytesPerProject,
        Api.DownloadKind.Municipalities when download.Format == "geojson" => 50 + BoundaryBytes + (long)Municipalities.Count * GeoJsonBytesPerMunicipality,
        Api.DownloadKind.Municipalities => 250 + (long)Municipalities.Count * CsvBytesPerMunicipality,
        _ => 0,
    };
}
