using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Data;

namespace ResMonitor.Core.Governance;

/// <summary>A moment as a form or a file gives it: every value as text, checked by <see cref="Timeline.Check"/>.</summary>
public sealed record MomentInput(
    string? Title, string? Date, string? Kind, string? Level, string? Status, string? Bodies, bool IsLegalDeadline, string? Source, string? Note);

public sealed record MomentProblem(string Field, string Message);

/// <summary>The shared timeline of a region: the rules for a moment, its Dutch and English words, and saving.</summary>
public sealed class Timeline(ResMonitorDbContext db)
{
    public const int TitleLength = 200;

    public static readonly IReadOnlyDictionary<MomentKind, (string Dutch, string English)> Kinds = new Dictionary<MomentKind, (string, string)>
    {
        [MomentKind.Election] = ("verkiezingen", "elections"),
        [MomentKind.ProgressDocument] = ("voortgangsdocument", "progress document"),
        [MomentKind.Herijking] = ("herijking", "recalibration"),
        [MomentKind.StrategyAdoption] = ("vaststelling RES", "adoption of the RES"),
        [MomentKind.Omgevingsvisie] = ("omgevingsvisie", "environmental vision"),
        [MomentKind.Omgevingsplan] = ("omgevingsplan", "environmental plan"),
        [MomentKind.Verordening] = ("verordening", "ordinance"),
        [MomentKind.PblMonitor] = ("monitor PBL", "PBL monitor"),
        [MomentKind.PermitDeadline] = ("termijn vergunningen", "permit deadline"),
        [MomentKind.Det] = ("Drentse Energietafel", "energy table"),
        [MomentKind.RegionalDecision] = ("regionaal besluit", "regional decision"),
        [MomentKind.Budget] = ("begroting", "budget"),
        [MomentKind.Other] = ("overig", "other"),
    };

    public static readonly IReadOnlyDictionary<MomentLevel, (string Dutch, string English)> Levels = new Dictionary<MomentLevel, (string, string)>
    {
        [MomentLevel.National] = ("landelijk", "national"),
        [MomentLevel.Provincial] = ("provinciaal", "provincial"),
        [MomentLevel.Regional] = ("regionaal", "regional"),
        [MomentLevel.Local] = ("lokaal", "local"),
    };

    public static readonly IReadOnlyDictionary<MomentStatus, (string Dutch, string English)> Statuses = new Dictionary<MomentStatus, (string, string)>
    {
        [MomentStatus.Planned] = ("gepland", "planned"),
        [MomentStatus.Held] = ("geweest", "held"),
        [MomentStatus.Missed] = ("niet gehaald", "missed"),
    };

    /// <summary>
    /// The status in words on <paramref name="today"/>: a planned moment whose last possible day has passed says that
    /// nobody has yet confirmed it took place, instead of still reading "gepland".
    /// </summary>
    public static string StatusText(DecisionMoment moment, DateOnly today, bool english) =>
        moment.Status == MomentStatus.Planned && moment.Date.End < today
            ? english ? "planned; date passed, not yet confirmed as held" : "gepland; de datum is voorbij, nog niet bevestigd als geweest"
            : english ? Statuses[moment.Status].English : Statuses[moment.Status].Dutch;

    /// <summary>Every problem with the input, per field, in Dutch; none means it can be stored.</summary>
    public static IReadOnlyList<MomentProblem> Check(MomentInput input, out DecisionMoment? moment, string regionId)
    {
        var problems = new List<MomentProblem>();
        moment = null;
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            problems.Add(new("title", "Geef de titel van het moment."));
        }
        else if (title.Length > TitleLength)
        {
            problems.Add(new("title", $"De titel is {title.Length} tekens; de grens is {TitleLength}."));
        }

        var date = FuzzyDate.Parse(input.Date);
        if (string.IsNullOrWhiteSpace(input.Date))
        {
            problems.Add(new("date", "Geef de datum, zo precies als hij bekend is: bijvoorbeeld " + FuzzyDate.Examples + "."));
        }
        else if (date is null)
        {
            problems.Add(new("date", $"De datum '{input.Date.Trim()}' is niet te lezen. Schrijf bijvoorbeeld {FuzzyDate.Examples}."));
        }

        var kind = Parse<MomentKind>(input.Kind, "kind", "Kies de soort moment.", problems);
        var level = Parse<MomentLevel>(input.Level, "level", "Kies het niveau: landelijk, provinciaal, regionaal of lokaal.", problems);
        var status = Parse<MomentStatus>(input.Status, "status", "Kies de status: gepland, geweest of niet gehaald.", problems);
        var source = input.Source?.Trim() ?? "";
        if (source.Length == 0)
        {
            problems.Add(new("source", "Geef de bron: de organisatie en het document waarin het moment staat."));
        }

        foreach (var (field, label, text) in new[] { ("title", "De titel", input.Title), ("bodies", "Wie", input.Bodies), ("source", "De bron", input.Source), ("note", "De toelichting", input.Note) })
        {
            if (TextRule.Check(text, label) is { } bad)
            {
                problems.Add(new(field, bad));
            }
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        moment = new DecisionMoment
        {
            RegionId = regionId,
            Title = title,
            Date = date!.Value,
            Kind = kind!.Value,
            Level = level!.Value,
            Status = status!.Value,
            Bodies = Empty(input.Bodies),
            IsLegalDeadline = input.IsLegalDeadline,
            Source = source,
            Note = Empty(input.Note),
        };
        return problems;
    }

    /// <summary>The region's moments in date order (the earliest possible day first, then the most exact).</summary>
    public async Task<List<DecisionMoment>> ListAsync(string regionId, CancellationToken ct) =>
        (await db.DecisionMoments.AsNoTracking().Where(m => m.RegionId == regionId).ToListAsync(ct))
        .OrderBy(m => m.StartsOn).ThenBy(m => m.Date.End).ThenBy(m => m.Title, StringComparer.Ordinal).ToList();

    /// <summary>Adds a moment (<paramref name="id"/> null) or changes one of the region; nothing is stored when any rule is broken.</summary>
    public async Task<(DecisionMoment? Saved, IReadOnlyList<MomentProblem> Problems)> SaveAsync(string regionId, long? id, MomentInput input, CancellationToken ct)
    {
        var problems = Check(input, out var checkedMoment, regionId);
        if (checkedMoment is null)
        {
            return (null, problems);
        }

        DecisionMoment target;
        if (id is { } existing)
        {
            if (await db.DecisionMoments.FirstOrDefaultAsync(m => m.Id == existing && m.RegionId == regionId, ct) is not { } stored)
            {
                return (null, [new("title", "Dit moment bestaat niet (meer) in het register van de regio.")]);
            }

            target = stored;
            target.Title = checkedMoment.Title;
            target.Date = checkedMoment.Date;
            target.Kind = checkedMoment.Kind;
            target.Level = checkedMoment.Level;
            target.Status = checkedMoment.Status;
            target.Bodies = checkedMoment.Bodies;
            target.IsLegalDeadline = checkedMoment.IsLegalDeadline;
            target.Source = checkedMoment.Source;
            target.Note = checkedMoment.Note;
        }
        else
        {
            target = checkedMoment;
            db.DecisionMoments.Add(target);
        }

        await db.SaveChangesAsync(ct);
        return (target, []);
    }

    private static T? Parse<T>(string? text, string field, string message, List<MomentProblem> problems)
        where T : struct, Enum
    {
        if (Name<T>(text) is { } value)
        {
            return value;
        }

        problems.Add(new(field, message));
        return null;
    }

    /// <summary>A kind, level or status by its name as the forms and addresses give it ("Provincial"); null for anything else, a number included.</summary>
    public static T? Name<T>(string? text)
        where T : struct, Enum =>
        text?.Trim() is { Length: > 0 } name && !char.IsDigit(name[0]) && Enum.TryParse<T>(name, ignoreCase: false, out var value) && Enum.IsDefined(value)
            ? value
            : null;

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
