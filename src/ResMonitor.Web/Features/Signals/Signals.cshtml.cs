using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ResMonitor.Core.Data;
using ResMonitor.Core.Signals;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.Signals;

/// <summary>The public summary of the early warnings: per rule how many, and each one with its facts.</summary>
public sealed class SignalsModel(Register.RegisterResolver register, IOptions<SignalOptions> options) : PageModel
{
    public RegionSignals Signals { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = Core.Register.RegisterFigures.Signals(await register.TodayAsync(ct), HttpContext.Region().Id, options.Value, publicOnly: true);
        if (result is null)
        {
            return NotFound();
        }

        Signals = result;
        return Page();
    }
}
