namespace ResMonitor.Core.Governance;

/// <summary>What kind of decision moment: the kinds the seeds name for the shared timeline.</summary>
public enum MomentKind
{
    Election,
    ProgressDocument,
    Herijking,
    StrategyAdoption,
    Omgevingsvisie,
    Omgevingsplan,
    Verordening,
    PblMonitor,
    PermitDeadline,
    Det,
    RegionalDecision,
    Budget,
    Other,
}

/// <summary>Which layer of government the moment belongs to.</summary>
public enum MomentLevel
{
    National,
    Provincial,
    Regional,
    Local,
}

/// <summary>Whether the moment is still to come, took place, or passed without taking place.</summary>
public enum MomentStatus
{
    Planned,
    Held,
    Missed,
}

/// <summary>
/// A moment on the region's shared timeline (besluitmoment): an election, a progress document, a deadline, a
/// regional decision... with its date as exactly as it is known, the bodies it concerns and its source.
/// </summary>
public sealed class DecisionMoment
{
    public long Id { get; set; }

    public required string RegionId { get; set; }

    public required string Title { get; set; }

    public MomentKind Kind { get; set; }

    public MomentLevel Level { get; set; }

    public MomentStatus Status { get; set; }

    public DatePrecision DatePrecision { get; set; }

    /// <summary>The first day the date may mean; with <see cref="DatePrecision"/> it gives <see cref="Date"/>.</summary>
    public DateOnly StartsOn { get; set; }

    /// <summary>The bodies or organisations it concerns, in words ("de twaalf gemeenteraden").</summary>
    public string? Bodies { get; set; }

    /// <summary>A deadline set by law (not an agreement or advice).</summary>
    public bool IsLegalDeadline { get; set; }

    /// <summary>Organisation and document that state the moment.</summary>
    public required string Source { get; set; }

    public string? Note { get; set; }

    public bool IsExample { get; set; }

    public FuzzyDate Date
    {
        get => new(DatePrecision, StartsOn);
        set
        {
            DatePrecision = value.Precision;
            StartsOn = value.Start;
        }
    }
}
