using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ResMonitor.Core.Accounts;
using ResMonitor.Core.Data;
using ResMonitor.Core.Grid;

namespace ResMonitor.Web.Features.Grid;

/// <summary>Records new grid congestion: a beheerder for any grid operator, a grid operator's redacteur for their own.</summary>
[Authorize(Policy = Roles.Redacteur)]
public sealed class NewCongestionModel(CongestionService register, UserManager<User> users, ResMonitorDbContext db, TimeProvider clock)
    : CongestionFormModel(register, users, db, clock)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await PrepareAsync(ct))
        {
            return Forbid();
        }

        Netbeheerder = Operators.Count == 1 ? Operators[0].Code : null;
        Peildatum = Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await PrepareAsync(ct))
        {
            return Forbid();
        }

        return await SaveAsync(null, ct);
    }
}
