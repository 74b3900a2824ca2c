namespace ResMonitor.Core.Grid;

/// <summary>Netcongestie: which direction of the grid is full.</summary>
public enum CongestionKind
{
    /// <summary>Leveringscongestie: no room to feed electricity into the grid (what a wind or solar project needs).</summary>
    FeedIn,

    /// <summary>Afnamecongestie: no room to take electricity from the grid.</summary>
    Offtake,
}

/// <summary>
/// A record of the grid congestion register: in one area (a municipality or a search area, exactly one), one grid
/// operator reports congestion of one kind since a date, with the expected end (often after a named reinforcement),
/// and, once over, the date it ended. Every record names its source and reference date. Example records are
/// fictitious, seeded only with the example projects, and never signal a real project.
/// </summary>
public sealed class Congestion
{
    public long Id { get; set; }

    public required string RegionId { get; set; }

    /// <summary>The area when it is a whole municipality.</summary>
    public int? MunicipalityId { get; set; }

    public Regions.Organisation? Municipality { get; set; }

    /// <summary>The area when it is a search area.</summary>
    public string? SearchAreaId { get; set; }

    public Projects.SearchArea? SearchArea { get; set; }

    /// <summary>The grid operator: an organisation of kind GridOperator.</summary>
    public int GridOperatorId { get; set; }

    public Regions.Organisation? GridOperator { get; set; }

    public CongestionKind Kind { get; set; }

    public DateOnly Since { get; set; }

    public DateOnly? ExpectedEnd { get; set; }

    /// <summary>The reinforcement after which the congestion is expected to end, by its name (e.g. a substation).</summary>
    public string? Reinforcement { get; set; }

    /// <summary>The day the congestion ended; empty while it lasts.</summary>
    public DateOnly? EndedOn { get; set; }

    public required string Source { get; set; }

    public DateOnly SourceDate { get; set; }

    public bool IsExample { get; set; }

    /// <summary>In force on a date: begun on or before it and not ended on or before it.</summary>
    public bool InForceOn(DateOnly date) => Since <= date && !(EndedOn <= date);
}
