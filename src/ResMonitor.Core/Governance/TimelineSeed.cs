using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Data;

namespace ResMonitor.Core.Governance;

/// <summary>
/// Loads a region's shared timeline from <c>timeline.json</c> in its reference folder: the moments its source documents
/// state, each with its source. A moment already there (same title and date) is left as it is, so that the seed can run
/// again and a moment changed on the site keeps its change; a file with any error stores nothing.
/// </summary>
public static class TimelineSeed
{
    public const string File = "timeline.json";

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>Adds the file's moments that are missing; returns how many were added.</summary>
    public static async Task<int> SeedAsync(ResMonitorDbContext db, string regionId, string? text, CancellationToken ct)
    {
        if (text is null)
        {
            return 0;
        }

        var moments = Read(regionId, text);
        var stored = await db.DecisionMoments.Where(m => m.RegionId == regionId).Select(m => new { m.Title, m.DatePrecision, m.StartsOn }).ToListAsync(ct);
        var added = 0;
        foreach (var moment in moments)
        {
            if (!stored.Any(s => s.Title == moment.Title && s.DatePrecision == moment.DatePrecision && s.StartsOn == moment.StartsOn))
            {
                db.DecisionMoments.Add(moment);
                added++;
            }
        }

        return added;
    }

    /// <summary>The file's moments, checked by the same rules as the editor's form; the first problem is an error naming the moment and field.</summary>
    public static List<DecisionMoment> Read(string regionId, string text)
    {
        FileModel? file;
        try
        {
            file = JsonSerializer.Deserialize<FileModel>(text, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{File}: geen geldige JSON (regel {e.LineNumber + 1}): {e.Message} Er is niets opgeslagen.");
        }

        var result = new List<DecisionMoment>();
        var items = file?.Moments ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var problems = Timeline.Check(
                new MomentInput(item.Title, item.Date, item.Kind, item.Level, item.Status ?? nameof(MomentStatus.Planned), item.Bodies, item.LegalDeadline, item.Source, item.Note),
                out var moment, regionId);
            if (problems.Count > 0)
            {
                throw new InvalidDataException($"{File}: moments[{i}].{problems[0].Field}: {problems[0].Message} Er is niets opgeslagen.");
            }

            result.Add(moment!);
        }

        return result;
    }

    private sealed record FileModel(List<MomentItem>? Moments);

    private sealed record MomentItem(
        string? Title, string? Date, string? Kind, string? Level, string? Status, string? Bodies, bool LegalDeadline, string? Source, string? Note);
}
