using ResMonitor.Core.Energy;
using ResMonitor.Core.Regions;

namespace ResMonitor.Core.Projects;

/// <summary>A zoekgebied: an area where wind or solar projects may come.</summary>
public sealed class SearchArea
{
    public required string Id { get; set; }

    public required string RegionId { get; set; }

    public required string Name { get; set; }

    public Technique Technique { get; set; }

    public int? MunicipalityId { get; set; }

    public Organisation? Municipality { get; set; }

    public string? GeometryGeoJson { get; set; }

    public bool IsExample { get; set; }

    public required string Source { get; set; }

    public DateOnly SourceDate { get; set; }
}
