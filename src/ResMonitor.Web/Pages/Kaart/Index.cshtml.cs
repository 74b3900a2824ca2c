using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Regions;

namespace ResMonitor.Web.Pages.Kaart;

/// <summary>The region's map: municipalities shaded by realised generation per inhabitant, projects as dots.</summary>
public sealed class IndexModel(ResMonitorDbContext db, OverviewService overviews) : PageModel
{
    /// <summary>Class limits in MWh per inhabitant per year, so that small and large municipalities compare fairly.</summary>
    public static readonly decimal[] Levels = [0.5m, 1m, 2m, 4m];

    public Overview Overview { get; private set; } = null!;

    public IReadOnlyList<Organisation> Municipalities { get; private set; } = [];

    public IReadOnlyList<(string Id, string Name, Technique Technique, Core.Projects.Phase Phase, double Latitude, double Longitude, bool IsExample)> Points { get; private set; } = [];

    public static int Level(decimal? perInhabitant) => perInhabitant is not { } v ? 0 : Levels.Count(limit => v >= limit) + 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var overview = await overviews.GetAsync(ReferenceData.DefaultRegion, ct: ct);
        if (overview is null)
        {
            return NotFound();
        }

        Overview = overview;
        Municipalities = await db.Organisations.AsNoTracking()
            .Where(o => o.RegionId == ReferenceData.DefaultRegion && o.Kind == OrganisationKind.Municipality)
            .OrderBy(o => o.Name)
            .ToListAsync(ct);
        var points = await db.Projects.AsNoTracking()
            .Where(p => p.RegionId == ReferenceData.DefaultRegion && p.Latitude != null && p.Phase != Core.Projects.Phase.Withdrawn)
            .OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name, p.Technique, p.Phase, p.Latitude, p.Longitude, p.IsExample })
            .ToListAsync(ct);
        Points = points.Select(p => (p.Id, p.Name, p.Technique, p.Phase, p.Latitude!.Value, p.Longitude!.Value, p.IsExample)).ToList();
        return Page();
    }
}
