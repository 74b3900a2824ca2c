using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ResMonitor.Core.Audit;

/// <summary>One changed field of one row: who, when, through which channel, old and new value, and why.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Actor { get; set; }

    /// <summary>web, api, cli or import.</summary>
    public required string Channel { get; set; }

    public required string TableName { get; set; }

    public required string RowKey { get; set; }

    public required string Field { get; set; }

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }

    public string? Reason { get; set; }

    /// <summary>The region the row belongs to; empty for what belongs to the whole instance.</summary>
    public string? RegionId { get; set; }
}

/// <summary>Who is writing, and why: set once per request or command on the database context.</summary>
/// <remarks><paramref name="RegionId"/> is the region the writer works in: the region of a logged row that does not carry one itself.</remarks>
public sealed record AuditActor(string Name, string Channel, string? Reason = null, string? RegionId = null)
{
    public static readonly AuditActor Unknown = new("onbekend", "onbekend");
}

/// <summary>Turns the change tracker's pending changes into audit entries, field by field.</summary>
public static class AuditRecorder
{
    /// <summary>Tables whose writes are not field-logged: the log itself, account secrets and tokens, and the site's keys.</summary>
    private static readonly HashSet<string> Skipped = ["audit_entries", "users", "user_claims", "user_logins", "user_tokens", "user_roles", "roles", "role_claims", "data_protection_keys"];

    /// <summary>
    /// The field of a whole-row entry: a row that was added (new value: the row as a JSON object of column names and
    /// values) or deleted (old value: the row as it was). Other entries name one column.
    /// </summary>
    public const string RowField = "*";

    public sealed record Pending(EntityEntry Entry, EntityState State, List<(string Field, string? Old, string? New)> Fields);

    public static List<Pending> Collect(DbContext db)
    {
        var pending = new List<Pending>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            var table = entry.Metadata.GetTableName();
            if (table is null || Skipped.Contains(table) || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var fields = new List<(string, string?, string?)>();
            switch (entry.State)
            {
                case EntityState.Added:
                    // The snapshot is taken after the save, when generated keys are known (see Entries).
                    fields.Add((RowField, null, null));
                    break;
                case EntityState.Deleted:
                    fields.Add((RowField, Snapshot(entry, current: false), null));
                    break;
                default:
                    foreach (var property in entry.Properties)
                    {
                        // A concurrency token (a project's version) is bookkeeping, not data: not logged.
                        if (property.IsModified && !property.Metadata.IsConcurrencyToken && !Equals(property.OriginalValue, property.CurrentValue))
                        {
                            fields.Add((property.Metadata.GetColumnName(), Format(property.OriginalValue), Format(property.CurrentValue)));
                        }
                    }

                    break;
            }

            if (fields.Count > 0)
            {
                pending.Add(new(entry, entry.State, fields));
            }
        }

        return pending;
    }

    /// <summary>Now, in whole microseconds: what PostgreSQL keeps, so that a backup moves between providers unchanged.</summary>
    public static DateTimeOffset Now(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % 10), TimeSpan.Zero);
    }

    /// <summary>After the save, when generated keys are known.</summary>
    public static IEnumerable<AuditEntry> Entries(IEnumerable<Pending> pending, AuditActor actor, DateTimeOffset at) =>
        pending.SelectMany(p =>
        {
            var key = string.Join("/", p.Entry.Metadata.FindPrimaryKey()!.Properties.Select(k => Format(p.Entry.Property(k.Name).CurrentValue ?? p.Entry.Property(k.Name).OriginalValue)));
            var table = p.Entry.Metadata.GetTableName()!;
            return p.Fields.Select(f => new AuditEntry
            {
                At = at, Actor = actor.Name, Channel = actor.Channel, Reason = actor.Reason, RegionId = RegionOf(p.Entry) ?? actor.RegionId,
                TableName = table, RowKey = key, Field = f.Field, OldValue = f.Old,
                NewValue = p.State == EntityState.Added ? Snapshot(p.Entry, current: true) : f.New,
            });
        });

    /// <summary>
    /// The region of a row: its own region column, else the region of the project it belongs to when that project is
    /// loaded (a phase change, a permit), else unknown (the writer's region is used).
    /// </summary>
    private static string? RegionOf(EntityEntry entry)
    {
        if (entry.Metadata.FindProperty("RegionId") is { } region)
        {
            return entry.Property(region.Name).CurrentValue as string ?? entry.Property(region.Name).OriginalValue as string;
        }

        if (entry.Metadata.FindProperty("ProjectId") is { } project && entry.Property(project.Name).CurrentValue is string projectId)
        {
            return entry.Context.ChangeTracker.Entries<Projects.Project>().FirstOrDefault(p => p.Entity.Id == projectId)?.Entity.RegionId;
        }

        return null;
    }

    /// <summary>A row as a JSON object of its non-empty columns, formatted as in the field entries.</summary>
    private static string Snapshot(EntityEntry entry, bool current)
    {
        var row = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            if (Format(current ? property.CurrentValue : property.OriginalValue) is { } value)
            {
                row[property.Metadata.GetColumnName()] = value;
            }
        }

        return System.Text.Json.JsonSerializer.Serialize(row);
    }

    public static string? Format(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
