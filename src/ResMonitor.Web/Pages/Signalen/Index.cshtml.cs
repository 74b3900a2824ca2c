using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ResMonitor.Core.Data;
using ResMonitor.Core.Signals;

namespace ResMonitor.Web.Pages.Signalen;

/// <summary>The public summary of the early warnings: per rule how many, and each one with its facts.</summary>
public sealed class IndexModel(SignalService signals, IOptions<SignalOptions> options) : PageModel
{
    public RegionSignals Signals { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await signals.GetAsync(ReferenceData.DefaultRegion, options.Value, publicOnly: true, ct);
        if (result is null)
        {
            return NotFound();
        }

        Signals = result;
        return Page();
    }
}
