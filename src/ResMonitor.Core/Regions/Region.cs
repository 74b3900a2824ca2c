namespace ResMonitor.Core.Regions;

/// <summary>A RES region. Everything region-specific is data, so a second region needs no code.</summary>
public sealed class Region
{
    /// <summary>URL-safe key, e.g. "drenthe".</summary>
    public required string Id { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public List<Organisation> Organisations { get; set; } = [];

    public List<Target> Targets { get; set; } = [];
}
