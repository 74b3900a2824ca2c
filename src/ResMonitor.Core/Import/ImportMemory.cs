using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Data;

namespace ResMonitor.Core.Import;

/// <summary>
/// A decision about a possible duplicate, kept per region under the row's key (the id the import gives the row):
/// a new project (<see cref="SameAs"/> null) or the same project as the register's <see cref="SameAs"/>. The key is
/// the primary key, so of two people deciding the same row at once exactly one decision is stored; the other reads it.
/// </summary>
public sealed class ImportDecision
{
    public required string RegionId { get; set; }

    public required string RowKey { get; set; }

    public string? SameAs { get; set; }

    public required string DecidedBy { get; set; }

    public DateTimeOffset DecidedAt { get; set; }
}

/// <summary>A header an organisation matched to a column on the upload page, offered again next time.</summary>
public sealed class ImportColumnMapping
{
    /// <summary>Whose mapping: "organisatie:ID" for a redacteur's organisation, "werkbureau:REGION" for the werkbureau.</summary>
    public required string Owner { get; set; }

    /// <summary>The header's key (<see cref="ImportColumns.Key"/>).</summary>
    public required string HeaderKey { get; set; }

    /// <summary>A column of <see cref="ImportColumns.Known"/>, or <see cref="ImportColumns.Ignore"/>.</summary>
    public required string ColumnName { get; set; }

    public required string UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>What the import remembers between uploads: decisions about possible duplicates and matched columns.</summary>
public sealed class ImportMemory(ResMonitorDbContext db, TimeProvider clock)
{
    /// <summary>The outcome of one decision: the one stored, and whether it is this user's (false: someone was first).</summary>
    public sealed record Outcome(DuplicateDecision Stored, bool Ours);

    /// <summary>The region's decisions (only rows that were held back have one: a short list).</summary>
    public async Task<Dictionary<string, DuplicateDecision>> DecisionsAsync(string regionId, CancellationToken ct)
    {
        var rows = await db.ImportDecisions.AsNoTracking().Where(d => d.RegionId == regionId).ToListAsync(ct);
        return rows.ToDictionary(d => d.RowKey, Of, StringComparer.Ordinal);
    }

    /// <summary>
    /// Stores a decision unless one is stored for that row already; either way returns the one that counts. Two
    /// requests at once: the database's key lets one insert through, the other reads the winner.
    /// </summary>
    public async Task<Outcome> DecideAsync(string regionId, string key, string? sameAs, string decidedBy, CancellationToken ct)
    {
        if (await FindAsync(regionId, key, ct) is { } earlier)
        {
            return new(Of(earlier), false);
        }

        var decision = new ImportDecision
        {
            RegionId = regionId, RowKey = key, SameAs = sameAs, DecidedBy = decidedBy, DecidedAt = clock.GetUtcNow(),
        };
        db.ImportDecisions.Add(decision);
        try
        {
            await db.SaveChangesAsync(ct);
            return new(Of(decision), true);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var winner = await FindAsync(regionId, key, ct) ?? throw new InvalidOperationException("A decision was refused but none is stored.");
            return new(Of(winner), false);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public async Task<Dictionary<string, string>> MappingsAsync(string owner, CancellationToken ct) =>
        await db.ImportColumnMappings.AsNoTracking().Where(m => m.Owner == owner)
            .ToDictionaryAsync(m => m.HeaderKey, m => m.ColumnName, StringComparer.Ordinal, ct);

    /// <summary>Remembers each header's column for the owner (the last choice counts).</summary>
    public async Task RememberAsync(string owner, IReadOnlyDictionary<string, string> mapping, string user, CancellationToken ct)
    {
        if (mapping.Count == 0)
        {
            return;
        }

        var keys = mapping.Keys.ToList();
        var stored = await db.ImportColumnMappings.Where(m => m.Owner == owner && keys.Contains(m.HeaderKey))
            .ToDictionaryAsync(m => m.HeaderKey, StringComparer.Ordinal, ct);
        foreach (var (key, column) in mapping)
        {
            if (stored.TryGetValue(key, out var row))
            {
                row.ColumnName = column;
                row.UpdatedBy = user;
                row.UpdatedAt = clock.GetUtcNow();
            }
            else
            {
                db.ImportColumnMappings.Add(new ImportColumnMapping
                {
                    Owner = owner, HeaderKey = key, ColumnName = column, UpdatedBy = user, UpdatedAt = clock.GetUtcNow(),
                });
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone of the same organisation saved the same header at the same moment: theirs stands.
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private Task<ImportDecision?> FindAsync(string regionId, string key, CancellationToken ct) =>
        db.ImportDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.RegionId == regionId && d.RowKey == key, ct);

    private static DuplicateDecision Of(ImportDecision d) => new(d.RowKey, d.SameAs, d.DecidedBy, d.DecidedAt);
}
