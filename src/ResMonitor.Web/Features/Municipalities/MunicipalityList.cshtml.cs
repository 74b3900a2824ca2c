using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Regions;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.Municipalities;

/// <summary>All municipalities of the region, each with its figures and a link to its own page.</summary>
public sealed class MunicipalityListModel(Register.RegisterResolver register) : PageModel
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
