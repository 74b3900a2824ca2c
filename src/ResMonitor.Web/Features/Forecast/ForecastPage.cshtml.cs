using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResMonitor.Core.Data;
using ResMonitor.Core.Forecast;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.Forecast;

/// <summary>The 2030 forecast with its spread, what drives it, and every assumption behind it.</summary>
public sealed class ForecastPageModel(ForecastCache forecasts) : PageModel
{
    public RegionForecast Forecast { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var forecast = await forecasts.GetAsync(HttpContext.Region().Id, ct);
        if (forecast is null)
        {
            return NotFound();
        }

        Forecast = forecast;
        return Page();
    }
}
