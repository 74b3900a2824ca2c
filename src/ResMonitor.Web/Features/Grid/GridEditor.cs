using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Accounts;
using ResMonitor.Core.Data;
using ResMonitor.Core.Regions;

namespace ResMonitor.Web.Features.Grid;

/// <summary>
/// Who may keep the congestion register: a beheerder every record, a redacteur of a grid operator only that
/// operator's records. Anyone else (a redacteur of a municipality, a lezer) may not.
/// </summary>
public sealed record GridEditor(bool IsBeheerder, Organisation? GridOperator)
{
    public bool MayEdit(int gridOperatorId) => IsBeheerder || GridOperator?.Id == gridOperatorId;

    public bool MayEdit(string gridOperatorCode) => IsBeheerder || GridOperator?.Code == gridOperatorCode;

    /// <summary>The editor rights of the signed-in user, or null when they may not keep the register.</summary>
    public static async Task<GridEditor?> OfAsync(ClaimsPrincipal user, UserManager<User> users, ResMonitorDbContext db, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Beheerder))
        {
            return new(true, null);
        }

        if (!user.IsInRole(Roles.Redacteur) || await users.GetUserAsync(user) is not { OrganisationId: { } organisationId })
        {
            return null;
        }

        var organisation = await db.Organisations.AsNoTracking()
            .FirstOrDefaultAsync(o => o.Id == organisationId && o.Kind == OrganisationKind.GridOperator, ct);
        return organisation is null ? null : new(false, organisation);
    }
}
