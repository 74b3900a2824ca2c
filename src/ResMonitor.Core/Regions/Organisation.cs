namespace ResMonitor.Core.Regions;

public enum OrganisationKind
{
    Municipality,
    Province,
    WaterBoard,
    GridOperator,
    SocietalPartner,
}

/// <summary>A partner of the region: a government, a grid operator or a societal partner at the energy table.</summary>
public sealed class Organisation
{
    public int Id { get; set; }

    public required string RegionId { get; set; }

    public OrganisationKind Kind { get; set; }

    /// <summary>Stable key: the CBS code for a municipality (GM0106), otherwise a slug.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public string? Website { get; set; }

    public int? Population { get; set; }

    public DateOnly? PopulationReferenceDate { get; set; }

    public string? PopulationSource { get; set; }

    /// <summary>GeoJSON geometry (WGS84) of the municipality boundary.</summary>
    public string? BoundaryGeoJson { get; set; }

    public string? BoundarySource { get; set; }
}
