using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResMonitor.Core.Accounts;
using ResMonitor.Core.Data;
using ResMonitor.Core.Grid;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.Grid;

/// <summary>The congestion register for those who keep it: every record, in force first, with a link to change or end it.</summary>
[Authorize(Policy = Roles.Redacteur)]
public sealed class CongestionListModel(CongestionService register, UserManager<User> users, ResMonitorDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<CongestionView> Records { get; private set; } = [];

    public GridEditor Editor { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    /// <summary>The record just saved, to confirm it.</summary>
    public CongestionView? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? opgeslagen, CancellationToken ct)
    {
        if (await GridEditor.OfAsync(User, users, db, ct) is not { } editor)
        {
            return Forbid();
        }

        Editor = editor;
        Today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        Records = await register.ListAsync(HttpContext.Region().Id, ct);
        Saved = Records.FirstOrDefault(r => r.Id == opgeslagen);
        return Page();
    }
}
