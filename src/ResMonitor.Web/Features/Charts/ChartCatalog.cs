using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;
using ResMonitor.Web.Features.Indicators;
using ResMonitor.Web.Infrastructure;

namespace ResMonitor.Web.Features.Charts;

/// <summary>
/// Every chart of the monitor by name. Pages draw them and GET /grafieken/{name}.csv returns their table, from the
/// same builder, so the download always equals the table on the page.
/// </summary>
public sealed class ChartCatalog(IndicatorData data, Language l)
{
    public static readonly IReadOnlyList<string> Names =
        ["trend", "opwek-per-techniek", "opwek-per-gemeente", "lokaal-eigendom", "fasen", "vergunningen-2025", "bevoegd-gezag"];

    public Task<ChartTable?> GetAsync(string name, CancellationToken ct) => name switch
    {
        "trend" => Nullable(TrendAsync(ct)),
        "opwek-per-techniek" => Nullable(ByTechniqueAsync(ct)),
        "opwek-per-gemeente" => Nullable(ByMunicipalityAsync(ct)),
        "lokaal-eigendom" => Nullable(LocalOwnershipAsync(ct)),
        "fasen" => Nullable(PhasesAsync(ct)),
        "vergunningen-2025" => Nullable(PermitDeadlineAsync(ct)),
        "bevoegd-gezag" => Nullable(AuthorityAsync(ct)),
        _ => Task.FromResult<ChartTable?>(null),
    };

    public async Task<ChartTable> TrendAsync(CancellationToken ct)
    {
        var trend = await data.TrendAsync(ct);
        var overview = await data.OverviewAsync(ct);
        var target = overview.TotalTarget;
        ChartSeries[] series =
        [
            new(l.T("Gerealiseerd (GWh per jaar)", "Realised (GWh a year)"), 1, 0),
            new(l.T("Vergund of in procedure (GWh per jaar)", "Permitted or in procedure (GWh a year)"), 1, 1),
        ];
        var rows = trend.Points
            .Select(p => new ChartRow(p.Year.ToString(l.Culture), [p.RealisedMwh / 1000m, p.PipelineMwh / 1000m]))
            .ToList();
        var first = trend.Points[0];
        var last = trend.Points[^1];
        var targetText = target is null ? "" : l.T(
            $" Het doel voor {target.Year} is {l.Number(target.ValueMwh / 1000m, 0)} GWh per jaar ({l.Twh(target.ValueMwh)}).",
            $" The target for {target.Year} is {l.Number(target.ValueMwh / 1000m, 0)} GWh a year ({l.Twh(target.ValueMwh)}).");
        var description = l.T(
            $"Staafdiagram per jaar van {first.Year} tot en met {last.Year}. Eind {first.Year} was {l.Number(first.RealisedMwh / 1000m, 1)} GWh per jaar gerealiseerd en {l.Number(first.PipelineMwh / 1000m, 1)} GWh vergund of in procedure; op {l.Date(last.AsOf)} is dat {l.Number(last.RealisedMwh / 1000m, 1)} GWh gerealiseerd en {l.Number(last.PipelineMwh / 1000m, 1)} GWh vergund of in procedure.{targetText} De tabel bevat alle jaren.",
            $"Bar chart per year from {first.Year} to {last.Year}. At the end of {first.Year}, {l.Number(first.RealisedMwh / 1000m, 1)} GWh a year was realised and {l.Number(first.PipelineMwh / 1000m, 1)} GWh permitted or in procedure; on {l.Date(last.AsOf)} it is {l.Number(last.RealisedMwh / 1000m, 1)} GWh realised and {l.Number(last.PipelineMwh / 1000m, 1)} GWh permitted or in procedure.{targetText} The table holds every year.");
        return new("trend", ChartKind.Columns,
            l.T("Opwek per jaar: gerealiseerd en vergund of in procedure aan het eind van elk jaar", "Yearly generation: realised and permitted or in procedure at the end of each year"),
            description, l.T("Jaar", "Year"), series, rows, "GWh",
            l.T("projectregister ResMonitor, fasegeschiedenis per project (stand eind van elk jaar; het lopende jaar op de peildatum); opbrengst gemeten, anders vermogen × vollasturen die toen golden",
                "ResMonitor project register, phase history per project (state at the end of each year; the current year on the reference date); yield measured, otherwise capacity × the full-load hours valid then"),
            trend.ReferenceDate,
            target is null ? null : new(target.ValueMwh / 1000m, l.T($"Doel {target.Year}: {l.Twh(target.ValueMwh)}", $"Target {target.Year}: {l.Twh(target.ValueMwh)}")));
    }

    public async Task<ChartTable> ByTechniqueAsync(CancellationToken ct)
    {
        var overview = await data.OverviewAsync(ct);
        var lines = overview.ByTechnique.Where(x => x.Key != Core.Labels.TechniqueKey(Technique.TechnologyNeutral)).ToList();
        var rows = lines.Select(x => new ChartRow(l.Technique(Core.Labels.ParseTechnique(x.Label)!.Value),
            [x.RealisedMwh / 1000m, x.PipelineMwh / 1000m, x.RealisedMw, x.PipelineMw, x.ProjectCount])).ToList();
        return new("opwek-per-techniek", ChartKind.Bars,
            l.T("Opwek per techniek: gerealiseerd en vergund of in procedure", "Generation per technique: realised and permitted or in procedure"),
            l.T($"Liggende staven per techniek. {Join(rows, 0, 1)}", $"Horizontal bars per technique. {Join(rows, 0, 1)}"),
            l.T("Techniek", "Technique"), EnergySeries(), rows, "GWh", OverviewSource(), overview.ReferenceDate);
    }

    public async Task<ChartTable> ByMunicipalityAsync(CancellationToken ct)
    {
        var overview = await data.OverviewAsync(ct);
        var rows = overview.ByMunicipality.Select(x => new ChartRow(x.Label,
            [x.RealisedMwh / 1000m, x.PipelineMwh / 1000m, x.RealisedMw, x.PipelineMw, x.ProjectCount], data.Href($"/gemeenten/{Core.Slug.From(x.Label)}"))).ToList();
        var top = rows.OrderByDescending(r => r.Values[0] + r.Values[1]).FirstOrDefault();
        var most = top is null || top.Values[0] + top.Values[1] == 0 ? "" : l.T(
            $" De meeste opwek (gerealiseerd plus vergund of in procedure) heeft {top.Label} met {l.Number(top.Values[0] + top.Values[1], 1)} GWh per jaar.",
            $" The most generation (realised plus permitted or in procedure) is in {top.Label}, {l.Number(top.Values[0] + top.Values[1], 1)} GWh a year.");
        return new("opwek-per-gemeente", ChartKind.Bars,
            l.T("Opwek per gemeente: gerealiseerd en vergund of in procedure", "Generation per municipality: realised and permitted or in procedure"),
            l.T($"Liggende staven voor {rows.Count} gemeenten.{most} De tabel geeft elke gemeente.",
                $"Horizontal bars for {rows.Count} municipalities.{most} The table gives every municipality."),
            l.T("Gemeente", "Municipality"), EnergySeries(), rows, "GWh", OverviewSource(), overview.ReferenceDate);
    }

    public async Task<ChartTable> LocalOwnershipAsync(CancellationToken ct)
    {
        var summary = await data.ParticipationAsync(ct);
        var bands = new (string Label, Func<decimal?, bool> Match)[]
        {
            (l.T("50% of meer", "50% or more"), x => x >= 50m),
            (l.T("meer dan 0%, onder 50%", "above 0%, under 50%"), x => x is > 0m and < 50m),
            (l.T("0%", "0%"), x => x == 0m),
            (l.T("nog geen gegevens", "no data yet"), x => x is null),
        };
        var rows = bands.Select(b =>
        {
            var projects = summary.NewProjects.Where(p => b.Match(p.LocalOwnershipPercent)).ToList();
            return new ChartRow(b.Label, [projects.Count, projects.Sum(p => p.CapacityMw)]);
        }).ToList();
        ChartSeries[] series =
        [
            new(l.T("Nieuwe projecten", "New projects"), 0, 3),
            new(l.T("Vermogen (MW)", "Capacity (MW)"), 1, 3, Plotted: false),
        ];
        return new("lokaal-eigendom", ChartKind.Bars,
            l.T("Nieuwe projecten naar aandeel lokaal eigendom", "New projects by share of local ownership"),
            l.T($"Liggende staven met het aantal nieuwe projecten per klasse lokaal eigendom. {Join(rows, 0, 0)}", $"Horizontal bars with the number of new projects per class of local ownership. {Join(rows, 0, 0)}"),
            l.T("Lokaal eigendom", "Local ownership"), series, rows, l.T("projecten", "projects"),
            l.T($"projectregister ResMonitor, lokaal eigendom per project; nieuw = voor het eerst {l.Phase(summary.NewProjectsPhase)} op of na {l.Date(summary.AgreementDate)}, of nog niet zo ver",
                $"ResMonitor project register, local ownership per project; new = first {l.Phase(summary.NewProjectsPhase)} on or after {l.Date(summary.AgreementDate)}, or not that far yet"),
            data.Today);
    }

    public async Task<ChartTable> PhasesAsync(CancellationToken ct)
    {
        var permits = await data.PermitsAsync(ct);
        var rows = permits.ByPhase.Select(x => new ChartRow(l.Phase(x.Phase), [x.Value.Projects, x.Value.CapacityMw])).ToList();
        return new("fasen", ChartKind.Bars,
            l.T("Projecten en vermogen per fase", "Projects and capacity per phase"),
            l.T($"Liggende staven met het vermogen per fase in MW. {Join(rows, 1, 1)}", $"Horizontal bars with the capacity per phase in MW. {Join(rows, 1, 1)}"),
            l.T("Fase", "Phase"), CountAndCapacity(plotCount: false), rows, "MW", PhaseSource(), data.Today);
    }

    public async Task<ChartTable> PermitDeadlineAsync(CancellationToken ct)
    {
        var permits = await data.PermitsAsync(ct);
        var deadline = l.Date(permits.Deadline);
        var rows = new List<ChartRow>
        {
            new(l.T("Verleend vóór 2025", "Granted before 2025"), [permits.GrantedBeforeDeadline.Projects, permits.GrantedBeforeDeadline.CapacityMw]),
            new(l.T("Verleend in of na 2025", "Granted in or after 2025"), [permits.GrantedOnOrAfterDeadline.Projects, permits.GrantedOnOrAfterDeadline.CapacityMw]),
            new(l.T("Aangevraagd, nog niet verleend", "Applied for, not yet granted"), [permits.AppliedNotGranted.Projects, permits.AppliedNotGranted.CapacityMw]),
        };
        return new("vergunningen-2025", ChartKind.Bars,
            l.T($"Omgevingsvergunningen verleend vóór en na {deadline}", $"Environmental permits granted before and after {deadline}"),
            l.T($"Liggende staven met het vermogen in MW. {Join(rows, 1, 1)}", $"Horizontal bars with the capacity in MW. {Join(rows, 1, 1)}"),
            l.T("Vergunning", "Permit"), CountAndCapacity(plotCount: false), rows, "MW", PermitSource(), data.Today);
    }

    public async Task<ChartTable> AuthorityAsync(CancellationToken ct)
    {
        var permits = await data.PermitsAsync(ct);
        var rows = permits.ByAuthority.Select(x => new ChartRow(l.Authority(x.Authority), [x.Value.Projects, x.Value.CapacityMw])).ToList();
        return new("bevoegd-gezag", ChartKind.Bars,
            l.T("Projecten met een vergunning(aanvraag) per bevoegd gezag", "Projects with a permit (application) per competent authority"),
            l.T($"Liggende staven met het vermogen in MW. {Join(rows, 1, 1)}", $"Horizontal bars with the capacity in MW. {Join(rows, 1, 1)}"),
            l.T("Bevoegd gezag", "Competent authority"), CountAndCapacity(plotCount: false), rows, "MW", PermitSource(), data.Today);
    }

    private ChartSeries[] EnergySeries() =>
    [
        new(l.T("Gerealiseerd (GWh per jaar)", "Realised (GWh a year)"), 1, 0),
        new(l.T("Vergund of in procedure (GWh per jaar)", "Permitted or in procedure (GWh a year)"), 1, 1),
        new(l.T("Gerealiseerd (MW)", "Realised (MW)"), 1, 0, Plotted: false),
        new(l.T("Vergund of in procedure (MW)", "Permitted or in procedure (MW)"), 1, 1, Plotted: false),
        new(l.T("Projecten", "Projects"), 0, 3, Plotted: false),
    ];

    private ChartSeries[] CountAndCapacity(bool plotCount) =>
    [
        new(l.T("Projecten", "Projects"), 0, 3, Plotted: plotCount),
        new(l.T("Vermogen (MW)", "Capacity (MW)"), 1, 3, Plotted: !plotCount),
    ];

    private string OverviewSource() => l.T(
        "projectregister ResMonitor (bron en peildatum per project op de projectpagina); opbrengst gemeten, anders vermogen × vollasturen",
        "ResMonitor project register (source and date per project on the project page); yield measured, otherwise capacity × full-load hours");

    private string PhaseSource() => l.T("projectregister ResMonitor, huidige fase per project", "ResMonitor project register, current phase per project");

    private string PermitSource() => l.T(
        "projectregister ResMonitor, vergunningen per project (datum van aanvraag en verlening, bevoegd gezag)",
        "ResMonitor project register, permits per project (dates applied and granted, competent authority)");

    /// <summary>The rows in words, for the chart's description: "wind 12,3; zon op land 4,5".</summary>
    private string Join(IEnumerable<ChartRow> rows, int column, int decimals) =>
        string.Join("; ", rows.Select(r => $"{r.Label}: {l.Number(r.Values[column], decimals)}")) + ".";

    private static async Task<ChartTable?> Nullable(Task<ChartTable> table) => await table;
}
