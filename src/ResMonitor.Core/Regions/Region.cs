namespace ResMonitor.Core.Regions;

/// <summary>A RES region. Everything region-specific is data, so a second region needs no code.</summary>
public sealed class Region
{
    /// <summary>URL-safe key, e.g. "drenthe".</summary>
    public required string Id { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>A project is new (for the local-ownership aim and every signal) when it first reached <see cref="NewProjectsPhase"/> on or after this day; null: the default of <see cref="Projects.NewProjectRule"/>.</summary>
    public DateOnly? NewProjectsFrom { get; set; }

    /// <summary>The phase whose first date decides whether a project is new; null: the default of <see cref="Projects.NewProjectRule"/>.</summary>
    public Projects.Phase? NewProjectsPhase { get; set; }

    public List<Organisation> Organisations { get; set; } = [];

    public List<Target> Targets { get; set; } = [];
}
