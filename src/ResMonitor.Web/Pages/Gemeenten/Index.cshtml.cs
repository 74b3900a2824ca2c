using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Regions;

namespace ResMonitor.Web.Pages.Gemeenten;

/// <summary>All municipalities of the region, each with its figures and a link to its own page.</summary>
public sealed class IndexModel(ResMonitorDbContext db, OverviewService overviews) : PageModel
{
    public Overview Overview { get; private set; } = null!;

    public IReadOnlyList<Organisation> Municipalities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var overview = await overviews.GetAsync(ReferenceData.DefaultRegion, ct: ct);
        if (overview is null)
        {
            return NotFound();
        }

        Overview = overview;
        Municipalities = await db.MunicipalitiesOf(ReferenceData.DefaultRegion)
            .OrderBy(o => o.Name)
            .ToListAsync(ct);
        return Page();
    }
}
