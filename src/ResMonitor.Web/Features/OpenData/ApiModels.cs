using ResMonitor.Core;
using ResMonitor.Core.OpenData;
using ResMonitor.Core.Projects;
using ResMonitor.Web.Infrastructure;

namespace ResMonitor.Web.Features.OpenData;

/// <summary>The municipalities of a region with their figures. Energy in MWh per year, capacity in MW.</summary>
public sealed record MunicipalityList(string Region, string Name, DateOnly ReferenceDate, string Source, IReadOnlyList<MunicipalityItem> Municipalities);

public sealed record MunicipalityItem(
    string Code,
    string Name,
    int? Population,
    DateOnly? PopulationReferenceDate,
    string? PopulationSource,
    decimal RealisedMwh,
    decimal PipelineMwh,
    decimal IdeaMwh,
    decimal RealisedMw,
    decimal PipelineMw,
    int Projects,
    int ProjectsWithoutYield,
    DateOnly ReferenceDate,
    string Source,
    string? BoundarySource,
    string Page,
    string ProjectsUrl)
{
    public static MunicipalityItem From(MunicipalityFigures figures, string region, Core.Regions.Region entity, DateOnly referenceDate)
    {
        var (m, line) = figures;
        return new(m.Code, m.Name, m.Population, m.PopulationReferenceDate, m.PopulationSource,
            Math.Round(line.RealisedMwh, 1), Math.Round(line.PipelineMwh, 1), Math.Round(line.IdeaMwh, 1),
            line.RealisedMw, line.PipelineMw, line.ProjectCount, line.ProjectsWithoutYield,
            referenceDate, MunicipalityExport.Source(entity), m.BoundarySource,
            $"/gemeenten/{Slug.From(m.Name)}", $"/api/v1/regions/{region}/projects?gemeente={m.Code}");
    }
}

/// <summary>The selected projects of a region, in key order; the filter says what was asked for.</summary>
public sealed record ProjectList(string Region, ProjectListFilter Filter, IAsyncEnumerable<ProjectItem> Projects)
{
    /// <summary>The day the list shows when ?peildatum= was given; left out for today.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public DateOnly? Peildatum { get; init; }
}

public sealed record ProjectListFilter(string? Gemeente, string? Techniek, string? Fase)
{
    public static ProjectListFilter From(ProjectFilter filter) => new(
        filter.MunicipalityCode,
        filter.Technique is { } t ? Labels.TechniqueKey(t) : null,
        filter.Phase is { } p ? Labels.PhaseKey(p) : null);
}

/// <summary>One project. Keys as in the downloads: technique wind/zon_op_land/zon_op_dak, phase idee … ingetrokken.</summary>
public sealed record ProjectItem(
    string Id,
    string Name,
    string Technique,
    string Municipality,
    string MunicipalityName,
    decimal CapacityMw,
    string Phase,
    DateOnly? PhaseDate,
    IReadOnlyList<PhaseItem> PhaseHistory,
    double? Latitude,
    double? Longitude,
    decimal? MeasuredYieldMwh,
    int? MeasuredYieldYear,
    decimal? LocalOwnershipPercent,
    string? Participation,
    bool IsExample,
    string Source,
    DateOnly SourceDate,
    string Page)
{
    public static ProjectItem From(Project p) => new(
        p.Id, p.Name, Labels.TechniqueKey(p.Technique), p.Municipality!.Code, p.Municipality.Name, p.CapacityMw,
        Labels.PhaseKey(p.Phase), p.PhaseDate,
        p.PhaseHistory.OrderBy(c => c.Date).ThenBy(c => c.Phase).Select(c => new PhaseItem(Labels.PhaseKey(c.Phase), c.Date)).ToList(),
        p.Latitude, p.Longitude, p.MeasuredYieldMwh, p.MeasuredYieldYear, p.LocalOwnershipPercent, p.Participation,
        p.IsExample, p.Source, p.SourceDate, $"/projecten/{p.Id}");
}

public sealed record PhaseItem(string Phase, DateOnly Date);
