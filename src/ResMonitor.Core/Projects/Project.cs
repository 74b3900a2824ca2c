using ResMonitor.Core.Energy;
using ResMonitor.Core.Regions;

namespace ResMonitor.Core.Projects;

/// <summary>A wind or solar installation in the register.</summary>
public sealed class Project
{
    /// <summary>The register's key, chosen by whoever supplies the data (e.g. "DR-W-012").</summary>
    public required string Id { get; set; }

    public required string RegionId { get; set; }

    public required string Name { get; set; }

    public Technique Technique { get; set; }

    public decimal CapacityMw { get; set; }

    public int MunicipalityId { get; set; }

    public Organisation? Municipality { get; set; }

    public string? SearchAreaId { get; set; }

    public SearchArea? SearchArea { get; set; }

    /// <summary>WGS84 latitude; RD New input is converted on the way in.</summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public decimal? MeasuredYieldMwh { get; set; }

    public int? MeasuredYieldYear { get; set; }

    public string? Owners { get; set; }

    /// <summary>Share in local ownership, 0 to 100 percent.</summary>
    public decimal? LocalOwnershipPercent { get; set; }

    public string? Participation { get; set; }

    /// <summary>Current phase: the latest entry of <see cref="PhaseHistory"/>, kept here for queries.</summary>
    public Phase Phase { get; set; }

    public DateOnly? PhaseDate { get; set; }

    public bool IsExample { get; set; }

    public required string Source { get; set; }

    public DateOnly SourceDate { get; set; }

    /// <summary>
    /// Raised on every saved change of the project (see <see cref="Data.ResMonitorDbContext"/>) and checked on update: a
    /// save from a form that started from an older version is refused (docs/decisions/0006-editing.md).
    /// </summary>
    public int Version { get; set; }

    public List<PhaseChange> PhaseHistory { get; set; } = [];

    public List<Permit> Permits { get; set; } = [];
}

public sealed class PhaseChange
{
    public long Id { get; set; }

    public required string ProjectId { get; set; }

    public Phase Phase { get; set; }

    public DateOnly Date { get; set; }

    public string? Note { get; set; }
}
