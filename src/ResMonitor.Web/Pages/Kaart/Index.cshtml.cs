using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core;
using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;
using ResMonitor.Web.Infrastructure;

namespace ResMonitor.Web.Pages.Kaart;

/// <summary>The region's map: municipalities shaded by realised generation per inhabitant, projects and search areas.</summary>
public sealed class IndexModel(ResMonitorDbContext db, OverviewService overviews) : PageModel
{
    /// <summary>Class limits in MWh per inhabitant per year, so that small and large municipalities compare fairly.</summary>
    public static readonly decimal[] Levels = [0.5m, 1m, 2m, 4m];

    public Overview Overview { get; private set; } = null!;

    public IReadOnlyList<Organisation> Municipalities { get; private set; } = [];

    public IReadOnlyList<(string Id, string Name, Technique Technique, Phase Phase, double Latitude, double Longitude, bool IsExample)> Points { get; private set; } = [];

    public IReadOnlyList<SearchArea> SearchAreas { get; private set; } = [];

    /// <summary>The technique the reader chose to show (`?techniek=wind`), or null for all.</summary>
    public Technique? Technique { get; private set; }

    public static int Level(decimal? perInhabitant) => perInhabitant is not { } v ? 0 : Levels.Count(limit => v >= limit) + 1;

    public async Task<IActionResult> OnGetAsync(string? techniek, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(techniek))
        {
            Technique = Labels.ParseTechnique(techniek);
            if (Technique is null or Core.Energy.Technique.TechnologyNeutral)
            {
                BadQuery.Page(HttpContext, "techniek",
                    $"De parameter 'techniek' kent de waarde '{techniek}' niet. Kies wind, zon_op_land of zon_op_dak.",
                    $"The parameter 'techniek' has an unknown value '{techniek}'. Choose wind, zon_op_land or zon_op_dak.");
                return BadRequest();
            }
        }

        var overview = await overviews.GetAsync(ReferenceData.DefaultRegion, ct: ct);
        if (overview is null)
        {
            return NotFound();
        }

        Overview = overview;
        Municipalities = await db.MunicipalitiesOf(ReferenceData.DefaultRegion)
            .OrderBy(o => o.Name)
            .ToListAsync(ct);
        var query = db.Projects.AsNoTracking()
            .Where(p => p.RegionId == ReferenceData.DefaultRegion && p.Latitude != null && p.Phase != Phase.Withdrawn);
        var areas = db.SearchAreas.AsNoTracking().Include(a => a.Municipality)
            .Where(a => a.RegionId == ReferenceData.DefaultRegion && a.GeometryGeoJson != null);
        if (Technique is { } chosen)
        {
            query = query.Where(p => p.Technique == chosen);
            areas = areas.Where(a => a.Technique == chosen);
        }

        var points = await query
            .OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name, p.Technique, p.Phase, p.Latitude, p.Longitude, p.IsExample })
            .ToListAsync(ct);
        Points = points.Select(p => (p.Id, p.Name, p.Technique, p.Phase, p.Latitude!.Value, p.Longitude!.Value, p.IsExample)).ToList();
        SearchAreas = await areas.OrderBy(a => a.Name).ToListAsync(ct);
        return Page();
    }
}
