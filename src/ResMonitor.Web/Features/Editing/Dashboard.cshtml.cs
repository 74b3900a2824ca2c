using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Accounts;
using ResMonitor.Core.Data;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.Editing;

/// <summary>The start of the signed-in part: who you are, your role and, for a redacteur, your organisation.</summary>
[Authorize(Policy = Roles.Lezer)]
public sealed class DashboardModel(UserManager<User> users, ResMonitorDbContext db) : PageModel
{
    public User Account { get; private set; } = null!;

    public string Role { get; private set; } = "";

    public string? Organisation { get; private set; }

    /// <summary>For a beheerder: stored versions of the forecast assumptions that the forecast passes over.</summary>
    public IReadOnlyList<string> UnusableAssumptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return Challenge();
        }

        Account = account;
        Role = (await users.GetRolesAsync(account)).FirstOrDefault() ?? "";
        if (account.OrganisationId is { } id)
        {
            Organisation = await db.Organisations.Where(o => o.Id == id).Select(o => o.Name + " (" + o.Code + ")").FirstOrDefaultAsync();
        }

        if (User.IsInRole(Roles.Beheerder))
        {
            UnusableAssumptions = (await new Core.Forecast.ForecastAssumptionStore(db).VersionsAsync(HttpContext.Region().Id))
                .Where(v => !v.IsValid).Select(v => v.Assumptions.Version).ToList();
        }

        return Page();
    }
}
