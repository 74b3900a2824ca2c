using Microsoft.EntityFrameworkCore;

namespace ResMonitor.Core.Data;

/// <summary>A text that <see cref="TextRule"/> refuses reached the database; nothing of the save is stored.</summary>
public sealed class ForbiddenTextException(string message) : InvalidOperationException(message);

/// <summary>
/// The last line behind every channel's own check: before a save, every added or changed text is held against
/// <see cref="TextRule"/>, so that no path (a form, a command, a seed file) can store a text that an export or the
/// other database cannot take. Channels check first and name the field in their own words; this only stops what
/// slipped past them.
/// </summary>
internal static class TextGuard
{
    public static void Check(DbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is string text
                    && (entry.State == EntityState.Added || property.IsModified)
                    && TextRule.FirstForbidden(text) is var at and >= 0)
                {
                    var what = $"Het veld '{property.Metadata.GetColumnName()}' van '{entry.Metadata.GetTableName()}'";
                    throw new ForbiddenTextException(TextRule.Message(what, text[at], at) + " Er is niets opgeslagen.");
                }
            }
        }
    }
}
