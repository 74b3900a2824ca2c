using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Accounts;
using ResMonitor.Core.Audit;
using ResMonitor.Core.Data;
using ResMonitor.Core.Regions;

namespace ResMonitor.Core.History;

/// <summary>One change within a version: a field from old to new, or a row added or removed with its fields.</summary>
/// <param name="What">The Dutch label: "vermogen (MW)", "vergunning: verleend op", "fasegeschiedenis toegevoegd".</param>
/// <param name="Fields">For a row added or removed: its fields as label and value, in reading order.</param>
public sealed record VersionChange(string What, string? Old, string? New, IReadOnlyList<VersionField>? Fields = null);

/// <summary>A field of a row added or removed, by its label as a reader knows it: "vermogen (MW)", "19,9".</summary>
public sealed record VersionField(string Label, string Value);

/// <summary>One write: when, who in public terms, why, and what changed.</summary>
public sealed record ProjectVersion(DateTimeOffset At, string Who, string? Reason, string Channel, IReadOnlyList<VersionChange> Changes);

/// <summary>The public version history of a project, from the audit trail, without e-mail addresses.</summary>
public static class VersionHistory
{
    /// <summary>The versions of a project, newest first, written before <paramref name="until"/> when given.</summary>
    public static async Task<IReadOnlyList<ProjectVersion>> OfProjectAsync(
        ResMonitorDbContext db, string projectId, DateTimeOffset? until = null, CancellationToken ct = default)
    {
        var query = await AuditQuery.OfProjectAsync(db, AuditQuery.Between(db, null, until), projectId, ct);
        var entries = await query.OrderBy(a => a.Id).ToListAsync(ct);
        if (entries.Count == 0)
        {
            return [];
        }

        var organisations = await AuditLabels.OrganisationNamesAsync(db, ct);
        var who = await PublicActors.ResolveAsync(db, entries, ct);
        var versions = new List<ProjectVersion>();
        foreach (var group in Consecutive(entries))
        {
            var first = group[0];
            var changes = group.SelectMany(e => Describe(db, e, organisations)).ToList();
            if (changes.Count > 0)
            {
                versions.Add(new(first.At, who(first), first.Channel == "import" ? null : first.Reason, first.Channel, changes));
            }
        }

        versions.Reverse();
        return versions;
    }

    /// <summary>Entries of one save share the moment, the writer and the reason.</summary>
    private static IEnumerable<List<AuditEntry>> Consecutive(IEnumerable<AuditEntry> entries)
    {
        List<AuditEntry>? current = null;
        foreach (var entry in entries)
        {
            if (current is not null && (current[0].At != entry.At || current[0].Actor != entry.Actor || current[0].Channel != entry.Channel || current[0].Reason != entry.Reason))
            {
                yield return current;
                current = null;
            }

            (current ??= []).Add(entry);
        }

        if (current is not null)
        {
            yield return current;
        }
    }

    /// <summary>The order a reader expects: what it is, where, how big, how far, whose, and where the facts come from.</summary>
    private static readonly string[] ReadingOrder =
    [
        "name", "technique", "municipality_id", "capacity_mw", "phase", "phase_date", "date", "kind", "reason",
        "competent_authority", "case_number", "applied_on", "granted_on", "irrevocable_on", "latitude", "owners",
        "local_ownership_percent", "participation", "measured_yield_mwh", "measured_yield_year", "note", "explanation",
        "source", "source_date",
    ];

    /// <summary>
    /// A row's fields in reading order: latitude and longitude as one location, "voorbeeld" only when the row is an
    /// example (as the words "verzonnen voorbeeld"), empty fields left out.
    /// </summary>
    private static List<VersionField> Readable(IReadOnlyList<(string Column, string Label, string Value)> row)
    {
        var byColumn = row.ToDictionary(f => f.Column, StringComparer.Ordinal);
        var fields = new List<VersionField>();
        foreach (var (column, label, value) in row.OrderBy(f => Array.IndexOf(ReadingOrder, f.Column) is var i and >= 0 ? i : ReadingOrder.Length))
        {
            switch (column)
            {
                case "longitude":
                    break;
                case "latitude":
                    if (value != "leeg" && byColumn.TryGetValue("longitude", out var longitude) && longitude.Value != "leeg")
                    {
                        fields.Add(new("ligging", $"{value}° NB, {longitude.Value}° OL"));
                    }

                    break;
                case "is_example":
                    if (value == "ja")
                    {
                        fields.Add(new("voorbeeld", "ja, een verzonnen voorbeeld"));
                    }

                    break;
                default:
                    if (value != "leeg")
                    {
                        fields.Add(new(label, value));
                    }

                    break;
            }
        }

        return fields;
    }

    private static IEnumerable<VersionChange> Describe(ResMonitorDbContext db, AuditEntry e, IReadOnlyDictionary<int, string> organisations)
    {
        var table = AuditLabels.Table(e.TableName);
        if (e.Field == AuditRecorder.RowField)
        {
            var row = e.OldValue is null ? e.NewValue : e.OldValue;
            var fields = Readable(AuditLabels.Row(db.Model, e.TableName, row, organisations, publicView: true));
            yield return e.OldValue is null
                ? new(e.TableName == "projects" ? "opgenomen in het register" : $"{table} toegevoegd", null, null, fields)
                : new(e.TableName == "projects" ? "verwijderd uit het register" : $"{table} verwijderd", null, null, fields);

            yield break;
        }

        if (!AuditLabels.IsPublic(e.Field))
        {
            yield break;
        }

        var what = e.TableName == "projects" ? AuditLabels.Column(e.Field) : $"{table}: {AuditLabels.Column(e.Field)}";
        yield return new(what,
            AuditLabels.Value(db.Model, e.TableName, e.Field, e.OldValue, organisations, publicView: true),
            AuditLabels.Value(db.Model, e.TableName, e.Field, e.NewValue, organisations, publicView: true));
    }
}

/// <summary>Who wrote, in public terms: the role and organisation of the account now, never its e-mail address.</summary>
public static class PublicActors
{
    public static async Task<Func<AuditEntry, string>> ResolveAsync(ResMonitorDbContext db, IEnumerable<AuditEntry> entries, CancellationToken ct = default)
    {
        var names = entries.Where(e => e.Channel is "web" or "api").Select(e => e.Actor).Distinct().ToList();
        var upper = names.Select(n => n.ToUpperInvariant()).ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => upper.Contains(u.NormalizedUserName!) || upper.Contains(u.NormalizedEmail!))
            .Select(u => new { u.Id, u.NormalizedUserName, u.NormalizedEmail, u.OrganisationId })
            .ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var organisationIds = users.Where(u => u.OrganisationId is not null).Select(u => u.OrganisationId!.Value).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);

        var labels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in users)
        {
            var userRoles = roles.Where(r => r.UserId == user.Id).Select(r => r.Name).ToList();
            var label = userRoles.Contains(Roles.Beheerder) ? "werkbureau"
                : userRoles.Contains(Roles.Redacteur) && user.OrganisationId is { } org && organisations.TryGetValue(org, out var organisation)
                    ? "redacteur " + OrganisationLabel(organisation)
                : userRoles.Contains(Roles.Redacteur) ? "redacteur"
                : "medewerker van het register";
            foreach (var key in new[] { user.NormalizedUserName, user.NormalizedEmail })
            {
                if (key is not null)
                {
                    labels[key] = label;
                }
            }
        }

        return e => e.Channel switch
        {
            // The file's name is the werkbureau's own (it may be internal); the public reads who, not which file.
            "import" => "het werkbureau (import)",
            "cli" => "opdrachtregel",
            "web" or "api" => labels.GetValueOrDefault(e.Actor.ToUpperInvariant(), "medewerker van het register"),
            _ => "onbekend",
        };
    }

    /// <summary>
    /// Who wrote, as shown to another signed-in editor (a conflicting save): the account's display name with its public
    /// label ("Anna de Vries, redacteur gemeente Emmen"), never its e-mail address; other channels as in public.
    /// </summary>
    public static async Task<Func<AuditEntry, string>> ResolveForEditorsAsync(ResMonitorDbContext db, IEnumerable<AuditEntry> entries, CancellationToken ct = default)
    {
        var list = entries.ToList();
        var label = await ResolveAsync(db, list, ct);
        var upper = list.Where(e => e.Channel is "web" or "api").Select(e => e.Actor.ToUpperInvariant()).Distinct().ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => upper.Contains(u.NormalizedUserName!) || upper.Contains(u.NormalizedEmail!))
            .Select(u => new { u.NormalizedUserName, u.NormalizedEmail, u.DisplayName })
            .ToListAsync(ct);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in users)
        {
            foreach (var key in new[] { user.NormalizedUserName, user.NormalizedEmail })
            {
                if (key is not null && !string.IsNullOrWhiteSpace(user.DisplayName) && !user.DisplayName.Contains('@', StringComparison.Ordinal))
                {
                    names[key] = user.DisplayName;
                }
            }
        }

        return e => e.Channel is "web" or "api" && names.TryGetValue(e.Actor.ToUpperInvariant(), out var name)
            ? $"{name}, {label(e)}"
            : label(e);
    }

    public static string OrganisationLabel(Organisation organisation) => organisation.Kind switch
    {
        OrganisationKind.Municipality => "gemeente " + organisation.Name,
        _ => organisation.Name,
    };
}
