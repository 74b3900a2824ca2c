using ResMonitor.Core.Regions;

namespace ResMonitor.Core.Energy;

/// <summary>The overview as published: by the API, `resmonitor status --json` and the home page alike.</summary>
public sealed record RegionSummary(
    string Region,
    string Name,
    DateOnly ReferenceDate,
    SummaryTarget? Target,
    decimal TechniqueTargetSumMwh,
    SummaryLine Total,
    IReadOnlyList<SummaryLine> ByTechnique,
    IReadOnlyList<SummaryLine> ByMunicipality,
    IReadOnlyList<SummarySource> FullLoadHours,
    int ExampleProjects,
    string YieldMethod,
    DateOnly? NewestSourceDate)
{
    public static RegionSummary From(Region region, Overview overview) => new(
        region.Id,
        region.Name,
        overview.ReferenceDate,
        overview.TotalTarget is { } t ? new(t.Year, t.ValueMwh, t.Source, t.ReferenceDate, t.Note) : null,
        overview.TechniqueTargetSumMwh,
        Line(overview.Total, overview.TotalTarget),
        overview.ByTechnique.Select(l => Line(l, overview.TechniqueTargets.FirstOrDefault(x => Labels.TechniqueKey(x.Technique!.Value) == l.Key))).ToList(),
        overview.ByMunicipality.Select(l => Line(l, null)).ToList(),
        overview.HoursUsed.Select(h => new SummarySource(Labels.TechniqueKey(h.Technique), Labels.Technique(h.Technique), h.Hours, h.Source, h.ValidFrom)).ToList(),
        overview.ExampleProjectCount,
        "Gemeten opbrengst waar die er is, anders vermogen × vollasturen die op de peildatum gelden.",
        overview.NewestSourceDate);

    private static SummaryLine Line(OverviewLine line, Target? target) => new(
        line.Key, line.Label, line.TargetMwh, line.RealisedMwh, line.PipelineMwh, line.IdeaMwh, line.AmbitionMwh,
        line.RealisedMw, line.PipelineMw, line.ProjectCount, line.ProjectsWithoutYield, target?.Source, target?.ReferenceDate, line.FailedMwh);
}

public sealed record SummaryTarget(int Year, decimal ValueMwh, string Source, DateOnly ReferenceDate, string? Note);

public sealed record SummaryLine(
    string Key,
    string Label,
    decimal? TargetMwh,
    decimal RealisedMwh,
    decimal PipelineMwh,
    decimal IdeaMwh,
    decimal? AmbitionMwh,
    decimal RealisedMw,
    decimal PipelineMw,
    int Projects,
    int ProjectsWithoutYield,
    string? TargetSource,
    DateOnly? TargetReferenceDate,
    decimal FailedMwh = 0m);

public sealed record SummarySource(string Technique, string Label, decimal Hours, string Source, DateOnly ValidFrom);
