using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Audit;
using ResMonitor.Core.Data;

namespace ResMonitor.Core.History;

/// <summary>What the change log can be narrowed to; every part is optional.</summary>
public sealed record ChangeLogFilter(
    DateOnly? From = null,
    DateOnly? Until = null,
    string? Actor = null,
    string? Channel = null,
    string? Table = null,
    string? ProjectId = null,
    string? Reason = null)
{
    public static readonly ChangeLogFilter None = new();
}

/// <summary>Reads the audit trail: by moment, by project (its own row and its phase history, permits and plan failures), by filter.</summary>
public static class AuditQuery
{
    /// <summary>The tables whose rows belong to one project through their project_id column.</summary>
    public static readonly IReadOnlyList<string> ProjectChildTables = ["phase_changes", "permits", "plan_failures"];

    /// <summary>The channels a write can come through.</summary>
    public static readonly IReadOnlyList<string> Channels = ["web", "api", "cli", "import"];

    /// <summary>Entries written at or after <paramref name="from"/> and before <paramref name="until"/>.</summary>
    /// <remarks>
    /// SQLite keeps the moment as text, which EF Core cannot compare as a moment. There the text is first narrowed by
    /// whole UTC days (which uses the index on at, whatever separator or precision a writer used) and then compared
    /// exactly with julianday(), which reads any ISO 8601 moment with its offset.
    /// </remarks>
    public static IQueryable<AuditEntry> Between(ResMonitorDbContext db, DateTimeOffset? from, DateTimeOffset? until)
    {
        if (from is null && until is null)
        {
            return db.AuditEntries.AsNoTracking();
        }

        if (db.Database.IsSqlite())
        {
            // A day either side: a writer may have stored a local time with its offset.
            var lowerDay = from is { } f ? Day(f.AddDays(-1)) : "0000-01-01";
            var lower = from is { } f2 ? SqliteText(f2) : "0000-01-01 00:00:00+00:00";
            var upperDay = until is { } u ? Day(u.AddDays(2)) : "9999-12-31";
            var upper = until is { } u2 ? SqliteText(u2) : "9999-12-31 00:00:00+00:00";
            return db.AuditEntries.FromSqlRaw(
                "SELECT * FROM audit_entries WHERE at >= {0} AND at < {1} AND julianday(at) >= julianday({2}) AND julianday(at) < julianday({3})",
                lowerDay, upperDay, lower, upper).AsNoTracking();
        }

        var start = from?.ToUniversalTime() ?? DateTimeOffset.MinValue;
        var end = until?.ToUniversalTime() ?? DateTimeOffset.MaxValue;
        return db.AuditEntries.AsNoTracking().Where(a => a.At >= start && a.At < end);
    }

    public static IQueryable<AuditEntry> Since(ResMonitorDbContext db, DateTimeOffset from) => Between(db, from, null);

    private static string Day(DateTimeOffset moment) => moment.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>How EF Core's SQLite provider writes a moment, in UTC.</summary>
    private static string SqliteText(DateTimeOffset moment) =>
        moment.ToUniversalTime().ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// The entries about one project: its own row, and the rows of its phase history, permits and plan failures,
    /// also those deleted since (found through the project_id in their deletion entry; their other entries share its
    /// row key).
    /// </summary>
    public static async Task<IQueryable<AuditEntry>> OfProjectAsync(ResMonitorDbContext db, IQueryable<AuditEntry> entries, string projectId, CancellationToken ct = default)
    {
        var phaseKeys = (await db.PhaseChanges.AsNoTracking().Where(c => c.ProjectId == projectId).Select(c => c.Id).ToListAsync(ct)).Select(Key).ToList();
        var permitKeys = (await db.Permits.AsNoTracking().Where(c => c.ProjectId == projectId).Select(c => c.Id).ToListAsync(ct)).Select(Key).ToList();
        var failureKeys = (await db.PlanFailures.AsNoTracking().Where(c => c.ProjectId == projectId).Select(c => c.Id).ToListAsync(ct)).Select(Key).ToList();
        var marker = "\"project_id\":" + JsonSerializer.Serialize(projectId);
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => ProjectChildTables.Contains(a.TableName) && a.Field == AuditRecorder.RowField && a.NewValue == null
                && a.OldValue != null && a.OldValue.Contains(marker))
            .Select(a => new { a.TableName, a.RowKey })
            .Distinct()
            .ToListAsync(ct);
        phaseKeys.AddRange(rows.Where(r => r.TableName == "phase_changes").Select(r => r.RowKey));
        permitKeys.AddRange(rows.Where(r => r.TableName == "permits").Select(r => r.RowKey));
        failureKeys.AddRange(rows.Where(r => r.TableName == "plan_failures").Select(r => r.RowKey));
        phaseKeys = [.. phaseKeys.Distinct()];
        permitKeys = [.. permitKeys.Distinct()];
        failureKeys = [.. failureKeys.Distinct()];

        return entries.Where(a => (a.TableName == "projects" && a.RowKey == projectId)
            || (a.TableName == "phase_changes" && phaseKeys.Contains(a.RowKey))
            || (a.TableName == "permits" && permitKeys.Contains(a.RowKey))
            || (a.TableName == "plan_failures" && failureKeys.Contains(a.RowKey)));

        static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The change log's selection, newest first (by the order of writing).</summary>
    public static async Task<IQueryable<AuditEntry>> FilterAsync(ResMonitorDbContext db, ChangeLogFilter filter, TimeZoneInfo zone, CancellationToken ct = default)
    {
        var query = Between(db,
            filter.From is { } from ? RegisterAsOf.EndOf(from.AddDays(-1), zone) : null,
            filter.Until is { } until ? RegisterAsOf.EndOf(until, zone) : null);
        if (filter.Actor is { Length: > 0 } actor)
        {
            var text = actor.ToLowerInvariant();
#pragma warning disable CA1862 // Translated to SQL, where lower() on both sides is the portable case-insensitive match.
            query = query.Where(a => a.Actor.ToLower().Contains(text));
#pragma warning restore CA1862
        }

        if (filter.Channel is { Length: > 0 } channel)
        {
            query = query.Where(a => a.Channel == channel);
        }

        if (filter.Table is { Length: > 0 } table)
        {
            query = query.Where(a => a.TableName == table);
        }

        if (filter.Reason is { Length: > 0 } reason)
        {
            var text = reason.ToLowerInvariant();
#pragma warning disable CA1862 // Translated to SQL, as above.
            query = query.Where(a => a.Reason != null && a.Reason.ToLower().Contains(text));
#pragma warning restore CA1862
        }

        if (filter.ProjectId is { Length: > 0 } projectId)
        {
            query = await OfProjectAsync(db, query, projectId, ct);
        }

        return query.OrderByDescending(a => a.Id);
    }
}
