using ResMonitor.Core.Energy;

namespace ResMonitor.Core.Projects;

/// <summary>A selection of a region's projects, as the API and the downloads offer it: each part optional.</summary>
public sealed record ProjectFilter(string? MunicipalityCode = null, Technique? Technique = null, Phase? Phase = null)
{
    public static readonly ProjectFilter All = new();
}
