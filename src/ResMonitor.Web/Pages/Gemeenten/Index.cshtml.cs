using ResMonitor.Web.Register;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Regions;

namespace ResMonitor.Web.Pages.Gemeenten;

/// <summary>All municipalities of the region, each with its figures and a link to its own page.</summary>
public sealed class IndexModel(Register.RegisterResolver register) : PageModel
{
    public Overview Overview { get; private set; } = null!;

    public IReadOnlyList<Organisation> Municipalities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var state = await register.TodayAsync(ct);
        var overview = Core.Register.RegisterFigures.Overview(state, HttpContext.Region().Id);
        if (overview is null)
        {
            return NotFound();
        }

        Overview = overview;
        Municipalities = state.MunicipalitiesOf(HttpContext.Region().Id).OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
        return Page();
    }
}
