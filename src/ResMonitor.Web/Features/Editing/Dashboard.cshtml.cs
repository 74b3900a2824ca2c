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

/// <summary>
/// The start of the signed-in part: who you are, your role, your region and, for a redacteur, your organisation. A
/// national user chooses here the region the editors' pages work in.
/// </summary>
[Authorize(Policy = Roles.Lezer)]
public sealed class DashboardModel(UserManager<User> users, ResMonitorDbContext db) : PageModel
{
    public User Account { get; private set; } = null!;

    public string Role { get; private set; } = "";

    public string? Organisation { get; private set; }

    /// <summary>The region the editors' pages work in for this user.</summary>
    public string RegionId { get; private set; } = "";

    public string RegionName { get; private set; } = "";

    /// <summary>A national user (no region of their own) may work in every region.</summary>
    public bool IsNational { get; private set; }

    /// <summary>For a national user in an instance with several regions: the regions to choose from (id, name).</summary>
    public IReadOnlyList<(string Id, string Name)> Regions { get; private set; } = [];

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

        RegionId = HttpContext.Region().Id;
        IsNational = account.RegionId is null;
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync();
        RegionName = regions.FirstOrDefault(r => r.Id == RegionId)?.Name ?? RegionId;
        if (IsNational && regions.Count > 1)
        {
            Regions = regions.Select(r => (r.Id, r.Name)).ToList();
        }

        if (User.IsInRole(Roles.Beheerder))
        {
            UnusableAssumptions = (await new Core.Forecast.ForecastAssumptionStore(db).VersionsAsync(HttpContext.Region().Id))
                .Where(v => !v.IsValid).Select(v => v.Assumptions.Version).ToList();
        }

        return Page();
    }

    /// <summary>A national user chooses the region to work in; anyone else keeps their own (403).</summary>
    public async Task<IActionResult> OnPostRegioAsync(string? regio)
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return Challenge();
        }

        if (account.RegionId is not null)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (string.IsNullOrWhiteSpace(regio) || !await db.Regions.AnyAsync(r => r.Id == regio))
        {
            return BadRequest();
        }

        EditorRegion.Choose(Response, regio);
        return Redirect("/beheer");
    }
}
