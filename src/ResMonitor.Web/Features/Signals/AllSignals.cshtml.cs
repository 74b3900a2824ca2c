using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ResMonitor.Core.Accounts;
using ResMonitor.Core.Data;
using ResMonitor.Core.Signals;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.Signals;

/// <summary>Every signal for the werkbureau and the partners, also those of rules the region does not publish.</summary>
[Authorize(Policy = Roles.Lezer)]
public sealed class AllSignalsModel(Register.RegisterResolver register, IOptions<SignalOptions> options) : PageModel
{
    public RegionSignals Signals { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = Core.Register.RegisterFigures.Signals(await register.TodayAsync(ct), HttpContext.Region().Id, options.Value, publicOnly: false);
        if (result is null)
        {
            return NotFound();
        }

        Signals = result;
        return Page();
    }
}
