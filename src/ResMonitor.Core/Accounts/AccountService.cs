using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Data;

namespace ResMonitor.Core.Accounts;

/// <summary>
/// What a new account needs: its region (null: national, for a beheerder or lezer of the whole instance) and, only for
/// a redacteur, the organisation (by code, in that region).
/// </summary>
public sealed record NewAccount(string Email, string Role, string? DisplayName, string? RegionId, string? OrganisationCode);

public sealed record AccountResult(bool Succeeded, IReadOnlyList<string> Errors)
{
    public static readonly AccountResult Ok = new(true, []);

    public static AccountResult Fail(params string[] errors) => new(false, errors);
}

public sealed record AccountRow(string Email, string DisplayName, string Role, string? Organisation, DateTimeOffset? LockedUntil, string? RegionId = null);

/// <summary>Creates and lists accounts with Identity's UserManager; every refusal is a plain Dutch sentence.</summary>
public sealed class AccountService(ResMonitorDbContext db, UserManager<User> users, TimeProvider clock)
{
    /// <summary>The role/organisation combination, checked before anything touches the database.</summary>
    public static string? CheckRole(string role, string? organisationCode) => role switch
    {
        Roles.Redacteur when string.IsNullOrWhiteSpace(organisationCode) =>
            "Een redacteur werkt voor één organisatie: geef die met --organisation CODE (bijvoorbeeld GM0106).",
        Roles.Beheerder or Roles.Lezer when !string.IsNullOrWhiteSpace(organisationCode) =>
            $"Alleen een redacteur hoort bij een organisatie; een {role} ziet alle gegevens van zijn regio (of, landelijk, van alle regio's).",
        Roles.Beheerder or Roles.Redacteur or Roles.Lezer => null,
        _ => $"Onbekende rol '{role}': kies beheerder, redacteur of lezer.",
    };

    public async Task<AccountResult> AddAsync(NewAccount account, string password, CancellationToken ct = default)
    {
        if (CheckRole(account.Role, account.OrganisationCode) is { } problem)
        {
            return AccountResult.Fail(problem);
        }

        if (account.RegionId is null && account.Role == Roles.Redacteur)
        {
            return AccountResult.Fail("Een redacteur werkt voor een organisatie in één regio en kan niet landelijk zijn.");
        }

        if (account.RegionId is { } regionId && !await db.Regions.AnyAsync(r => r.Id == regionId, ct))
        {
            var known = await db.Regions.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
            return AccountResult.Fail(known.Count == 0
                ? $"De regio '{regionId}' staat niet in het register: er staat nog geen regio in. Laad eerst een regio met 'resmonitor seed'."
                : $"De regio '{regionId}' staat niet in het register. Kies een van: {string.Join(", ", known)}.");
        }

        int? organisationId = null;
        if (account.OrganisationCode is { } code)
        {
            organisationId = await db.Organisations
                .Where(o => o.RegionId == account.RegionId && o.Code == code)
                .Select(o => (int?)o.Id)
                .FirstOrDefaultAsync(ct);
            if (organisationId is null)
            {
                return AccountResult.Fail($"De organisatie '{code}' staat niet in het register van regio '{account.RegionId}'.");
            }
        }

        var email = account.Email.Trim();
        var user = new User
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(account.DisplayName) ? email.Split('@')[0] : account.DisplayName.Trim(),
            OrganisationId = organisationId,
            RegionId = account.RegionId,
        };

        // Under the execution strategy, so that a transient failure runs the whole transaction again.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return new AccountResult(false, created.Errors.Select(e => e.Description).Distinct().ToList());
            }

            var role = await users.AddToRoleAsync(user, account.Role);
            if (!role.Succeeded)
            {
                return new AccountResult(false, role.Errors.Select(e => e.Description).Distinct().ToList());
            }

            await transaction.CommitAsync(ct);
            return AccountResult.Ok;
        });
    }

    public async Task<IReadOnlyList<AccountRow>> ListAsync(CancellationToken ct = default)
    {
        var rows = await (
            from u in db.Users.AsNoTracking()
            join ur in db.UserRoles on u.Id equals ur.UserId into userRoles
            from ur in userRoles.DefaultIfEmpty()
            join r in db.Roles on ur.RoleId equals r.Id into roles
            from r in roles.DefaultIfEmpty()
            join o in db.Organisations on u.OrganisationId equals o.Id into organisations
            from o in organisations.DefaultIfEmpty()
            select new { u.Email, u.DisplayName, Role = r == null ? null : r.Name, Organisation = o == null ? null : o.Code + " " + o.Name, u.LockoutEnd, u.RegionId })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        return rows
            .Select(r => new AccountRow(r.Email ?? "", r.DisplayName, r.Role ?? "", r.Organisation, r.LockoutEnd > now ? r.LockoutEnd : null, r.RegionId))
            .OrderBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
