using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Accounts;
using ResMonitor.Core.Data;
using ResMonitor.Core.Projects;
using ResMonitor.Web.Features.Accounts;

namespace ResMonitor.Web.Features.Editing;

/// <summary>What the signed-in user may edit: everything of their region or, national, of all (beheerder), their organisation's part (redacteur) or nothing.</summary>
public sealed class EditorAccess(UserManager<User> users, ResMonitorDbContext db, IHttpContextAccessor accessor)
{
    private EditScope? _scope;

    public async Task<EditScope> ScopeAsync(CancellationToken ct)
    {
        if (_scope is not null)
        {
            return _scope;
        }

        var principal = accessor.HttpContext?.User;
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return _scope = EditScope.Nothing;
        }

        if (principal.IsInRole(Roles.Beheerder))
        {
            return _scope = principal.RegionOf() is { } region ? EditScope.AllOf(region) : EditScope.Everything;
        }

        if (!principal.IsInRole(Roles.Redacteur) || await users.GetUserAsync(principal) is not { OrganisationId: { } organisationId })
        {
            return _scope = EditScope.Nothing;
        }

        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, ct);
        return _scope = organisation is null ? EditScope.Nothing : EditScope.For(organisation);
    }
}
