using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ResMonitor.Core.Data;
using ResMonitor.Core.Regions;

namespace ResMonitor.Core.Governance;

public sealed class EscalationOptions
{
    /// <summary>How many days before a step's deadline the reminder is recorded.</summary>
    public int ReminderDaysBefore { get; set; } = 7;
}

/// <summary>The outcome of a write: the stored event, or the problems (none stored).</summary>
public sealed record EscalationResult(EscalationEvent? Event, IReadOnlyList<EscalationProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    /// <summary>The request does not follow from the current state (409), rather than a form field to correct (400).</summary>
    public bool IsConflict => Problems.Any(EscalationRules.IsConflict);
}

/// <summary>Reads and appends to impasse timelines. Events are only ever added; nothing is updated or deleted.</summary>
public sealed class EscalationService(ResMonitorDbContext db)
{
    /// <summary>Representative bodies (volksvertegenwoordigingen) belong to these kinds of partner.</summary>
    public static readonly OrganisationKind[] RepresentedKinds = [OrganisationKind.Municipality, OrganisationKind.Province, OrganisationKind.WaterBoard];

    public Task<List<Impasse>> ListAsync(string regionId, CancellationToken ct = default) =>
        db.Impasses.AsNoTracking().Include(i => i.Events).Where(i => i.RegionId == regionId)
            .OrderByDescending(i => i.OpenedOn).ThenByDescending(i => i.Id).AsSplitQuery().ToListAsync(ct);

    public Task<Impasse?> FindAsync(long id, CancellationToken ct = default) =>
        db.Impasses.AsNoTracking().Include(i => i.Events).AsSplitQuery().FirstOrDefaultAsync(i => i.Id == id, ct);

    public Task<List<Organisation>> RepresentedBodiesAsync(string regionId, CancellationToken ct = default) =>
        db.Organisations.AsNoTracking().Where(o => o.RegionId == regionId && RepresentedKinds.Contains(o.Kind))
            .OrderBy(o => o.Kind).ThenBy(o => o.Name).ToListAsync(ct);

    public async Task<(Impasse? Impasse, IReadOnlyList<EscalationProblem> Problems)> OpenAsync(Impasse impasse, DateOnly today, CancellationToken ct = default)
    {
        var problems = EscalationRules.Open(impasse, today);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        impasse.Events.Add(new EscalationEvent
        {
            Kind = EscalationEventKind.Opened,
            Date = impasse.OpenedOn,
            Trigger = impasse.OpeningTrigger,
            RecordedBy = impasse.RecordedBy,
            RecordedAt = impasse.RecordedAt,
        });
        db.Impasses.Add(impasse);
        await db.SaveChangesAsync(ct);
        return (impasse, problems);
    }

    public Task<EscalationResult> StartStepAsync(Impasse impasse, StepRequest r, string by, DateTimeOffset at, CancellationToken ct = default) =>
        AppendAsync(impasse, EscalationRules.StartStep(EscalationState.Of(impasse), r), new EscalationEvent
        {
            Kind = EscalationEventKind.StepStarted,
            Date = r.Start,
            Step = r.Step,
            Trigger = r.Trigger,
            Reason = Clean(r.Reason),
            Owner = Clean(r.Owner),
            Mandate = Clean(r.Mandate),
            Deadline = r.Deadline,
            Assignment = r.Step == 2 ? Clean(r.Assignment) : null,
            RequiredResult = r.Step == 2 ? Clean(r.RequiredResult) : null,
            RecordedBy = by,
            RecordedAt = at,
        }, ct);

    public Task<EscalationResult> AddDocumentAsync(Impasse impasse, string? title, string? reference, bool isPublic, DateOnly date, string by, DateTimeOffset at, CancellationToken ct = default)
    {
        var state = EscalationState.Of(impasse);
        return AppendAsync(impasse, EscalationRules.AddDocument(state, title, reference), new EscalationEvent
        {
            Kind = EscalationEventKind.DocumentAdded,
            Date = date,
            Step = state.CurrentStep,
            Text = Clean(title),
            Reference = Clean(reference),
            IsPublic = isPublic,
            RecordedBy = by,
            RecordedAt = at,
        }, ct);
    }

    public Task<EscalationResult> RecordOutcomeAsync(Impasse impasse, string? outcome, DateOnly date, string by, DateTimeOffset at, CancellationToken ct = default)
    {
        var state = EscalationState.Of(impasse);
        return AppendAsync(impasse, EscalationRules.RecordOutcome(state, outcome, date), new EscalationEvent
        {
            Kind = EscalationEventKind.OutcomeRecorded,
            Date = date,
            Step = state.CurrentStep,
            Text = Clean(outcome),
            RecordedBy = by,
            RecordedAt = at,
        }, ct);
    }

    public async Task<EscalationResult> InformBodyAsync(Impasse impasse, int organisationId, string? message, DateOnly date, string by, DateTimeOffset at, CancellationToken ct = default)
    {
        var body = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId && o.RegionId == impasse.RegionId, ct);
        if (body is null || !RepresentedKinds.Contains(body.Kind))
        {
            return new(null, [new("organisatie", "Kies een gemeente, de provincie of een waterschap van de regio.")]);
        }

        return await AppendAsync(impasse, EscalationRules.InformBody(EscalationState.Of(impasse), body.Id, body.Name, message, date), new EscalationEvent
        {
            Kind = EscalationEventKind.BodyInformed,
            Date = date,
            OrganisationId = body.Id,
            Message = message?.Trim(),
            RecordedBy = by,
            RecordedAt = at,
        }, ct);
    }

    public Task<EscalationResult> CloseAsync(Impasse impasse, ImpasseClosure closure, string? outcome, DateOnly date, string by, DateTimeOffset at, CancellationToken ct = default)
    {
        var state = EscalationState.Of(impasse);
        return AppendAsync(impasse, EscalationRules.Close(state, closure, outcome, date), new EscalationEvent
        {
            Kind = EscalationEventKind.Closed,
            Date = date,
            Step = state.CurrentStep,
            Closure = closure,
            Text = Clean(outcome),
            RecordedBy = by,
            RecordedAt = at,
        }, ct);
    }

    public Task<EscalationResult> PublishAsync(Impasse impasse, string? summary, DateOnly date, string by, DateTimeOffset at, CancellationToken ct = default) =>
        AppendAsync(impasse, EscalationRules.Publish(summary), new EscalationEvent
        {
            Kind = EscalationEventKind.Published,
            Date = date,
            Text = Clean(summary),
            RecordedBy = by,
            RecordedAt = at,
        }, ct);

    /// <summary>
    /// Records a reminder for every running step whose deadline is within <paramref name="daysBefore"/> days, once per
    /// step: a second run finds the reminder in the timeline and records nothing. Returns the reminders recorded.
    /// </summary>
    /// <remarks>
    /// Several instances of the site (and the command line from cron) may run this at the same moment. The run reads
    /// and writes in one transaction; on PostgreSQL it first takes the transaction-level advisory lock
    /// <see cref="ReminderLockKey"/>, and a run that does not get it records nothing (another run is busy and will
    /// record the same reminders). SQLite serves one machine and takes its write lock at the start of the
    /// transaction, so there runs wait for each other and the second finds the first one's reminders.
    /// </remarks>
    public async Task<IReadOnlyList<(Impasse Impasse, EscalationEvent Reminder)>> SendRemindersAsync(DateOnly today, int daysBefore, DateTimeOffset at, CancellationToken ct = default)
    {
        // Under the execution strategy, so that a transient failure (a PostgreSQL restart) runs the whole transaction again.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (db.Database.IsNpgsql() && !await TryLockRemindersAsync(ct))
            {
                return (IReadOnlyList<(Impasse Impasse, EscalationEvent Reminder)>)[];
            }

            var sent = await RecordRemindersAsync(today, daysBefore, at, ct);
            await transaction.CommitAsync(ct);
            return sent;
        });
    }

    /// <summary>The PostgreSQL advisory lock of a reminder run: one number for the whole database ("RES-REMI" in ASCII).</summary>
    public const long ReminderLockKey = 0x5245_532D_5245_4D49;

    private async Task<bool> TryLockRemindersAsync(CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = $"SELECT pg_try_advisory_xact_lock({ReminderLockKey})";
        return await command.ExecuteScalarAsync(ct) is true;
    }

    private async Task<List<(Impasse Impasse, EscalationEvent Reminder)>> RecordRemindersAsync(DateOnly today, int daysBefore, DateTimeOffset at, CancellationToken ct)
    {
        var sent = new List<(Impasse, EscalationEvent)>();
        var open = await db.Impasses.AsNoTracking().Include(i => i.Events).AsSplitQuery().ToListAsync(ct);
        foreach (var impasse in open)
        {
            var state = EscalationState.Of(impasse);
            if (!EscalationRules.ReminderDue(state, today, daysBefore))
            {
                continue;
            }

            var reminder = new EscalationEvent
            {
                ImpasseId = impasse.Id,
                Kind = EscalationEventKind.ReminderSent,
                Date = today,
                Step = state.CurrentStep,
                Deadline = state.CurrentDeadline,
                RecordedBy = "herinnering",
                RecordedAt = at,
            };
            db.EscalationEvents.Add(reminder);
            sent.Add((impasse, reminder));
        }

        await db.SaveChangesAsync(ct);
        return sent;
    }

    private async Task<EscalationResult> AppendAsync(Impasse impasse, IReadOnlyList<EscalationProblem> problems, EscalationEvent e, CancellationToken ct)
    {
        if (problems.Count > 0)
        {
            return new(null, problems);
        }

        e.ImpasseId = impasse.Id;
        db.EscalationEvents.Add(e);
        await db.SaveChangesAsync(ct);
        impasse.Events.Add(e);
        return new(e, problems);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
