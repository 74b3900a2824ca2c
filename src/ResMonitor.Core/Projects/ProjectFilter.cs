using ResMonitor.Core.Energy;

namespace ResMonitor.Core.Projects;

/// <summary>A selection of a region's projects, as the API and the downloads offer it: each part optional.</summary>
public sealed record ProjectFilter(string? MunicipalityCode = null, Technique? Technique = null, Phase? Phase = null)
{
    public static readonly ProjectFilter All = new();

    public IQueryable<Project> Apply(IQueryable<Project> projects)
    {
        if (MunicipalityCode is { } code)
        {
            projects = projects.Where(p => p.Municipality!.Code == code);
        }

        if (Technique is { } technique)
        {
            projects = projects.Where(p => p.Technique == technique);
        }

        if (Phase is { } phase)
        {
            projects = projects.Where(p => p.Phase == phase);
        }

        return projects;
    }
}
