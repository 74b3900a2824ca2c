namespace ResMonitor.Core.Governance;

/// <summary>What an impasse is about: the seed's examples, or something else described in free text.</summary>
public enum ImpasseTopic
{
    PlanFailure,
    FutureRes,
    SolarWindBalance,
    BuildingBlock4,
    NewAmbitions,
    Biomass,
    GridCongestion,
    Other,
}

/// <summary>Why the procedure was opened or why the table moved on to a next step.</summary>
public enum EscalationTrigger
{
    /// <summary>The table (or the administrative lead) decided no consensus can be reached.</summary>
    NoConsensus,

    /// <summary>Time: no solution within the deadline.</summary>
    DeadlinePassed,

    /// <summary>Political support: no or insufficient support among the participating organisations.</summary>
    InsufficientSupport,

    /// <summary>No adequate solution was found.</summary>
    NoAdequateSolution,

    /// <summary>Agreements are (partly) not kept.</summary>
    AgreementsNotKept,
}

public enum ImpasseClosure
{
    /// <summary>The impasse is resolved.</summary>
    Resolved,

    /// <summary>Step 4 ended by falling back on the legal competent authority.</summary>
    FellBackOnCompetentAuthority,
}

/// <summary>
/// A governance impasse in the region's table, handled by the escalation procedure (opschaalprocedure). The row holds
/// only what is known when it is opened; everything after that is an <see cref="EscalationEvent"/>, never changed.
/// </summary>
public sealed class Impasse
{
    public long Id { get; set; }

    public required string RegionId { get; set; }

    public ImpasseTopic Topic { get; set; }

    /// <summary>Free text about the topic; required when <see cref="Topic"/> is Other.</summary>
    public string? TopicText { get; set; }

    public required string Title { get; set; }

    public DateOnly OpenedOn { get; set; }

    public EscalationTrigger OpeningTrigger { get; set; }

    public required string RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public List<EscalationEvent> Events { get; set; } = [];
}

public enum EscalationEventKind
{
    Opened,
    StepStarted,
    DocumentAdded,
    OutcomeRecorded,
    BodyInformed,
    ReminderSent,
    Published,
    Closed,
}

/// <summary>One entry in an impasse's timeline. Only the fields of its kind are filled.</summary>
public sealed class EscalationEvent
{
    public long Id { get; set; }

    public long ImpasseId { get; set; }

    public EscalationEventKind Kind { get; set; }

    /// <summary>The date it happened (the step's start for a step).</summary>
    public DateOnly Date { get; set; }

    /// <summary>1 to 4 for a step, and for a document, outcome or reminder the step it belongs to (0 before any step).</summary>
    public int? Step { get; set; }

    public EscalationTrigger? Trigger { get; set; }

    public string? Owner { get; set; }

    public string? Mandate { get; set; }

    public DateOnly? Deadline { get; set; }

    /// <summary>Why this step; required when steps are skipped.</summary>
    public string? Reason { get; set; }

    /// <summary>Step 2: the assignment (opdrachtformulering) set by the thematic administrator with the programme team.</summary>
    public string? Assignment { get; set; }

    /// <summary>Step 2: the required result (resultaatverplichting).</summary>
    public string? RequiredResult { get; set; }

    /// <summary>A document's title, the outcome or the closing outcome, or the published summary.</summary>
    public string? Text { get; set; }

    /// <summary>A document's URL or reference.</summary>
    public string? Reference { get; set; }

    /// <summary>Whether a document may be shown on the public page.</summary>
    public bool IsPublic { get; set; }

    public int? OrganisationId { get; set; }

    /// <summary>The one regionally agreed message the representative bodies are informed with.</summary>
    public string? Message { get; set; }

    public ImpasseClosure? Closure { get; set; }

    public required string RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
