using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;
using ResMonitor.Core.History;
using ResMonitor.Core.Indicators;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;
using ResMonitor.Core.Register;

namespace ResMonitor.Web.Features.Indicators;

/// <summary>
/// What the indicator pages and their charts read: figures of the register of one day (today, or ?peildatum=),
/// computed from the shared state (see <see cref="RegisterFigures"/>) once per request and only when asked.
/// </summary>
public sealed class IndicatorData(Func<CancellationToken, Task<RegisterState>> load, DateOnly today, Func<Regions.CurrentRegion> region)
{
    private Regions.CurrentRegion? _region;
    private RegisterState? _state;
    private Overview? _overview;
    private Trend? _trend;
    private List<Project>? _projects;

    public IndicatorData(RegisterState state, Regions.CurrentRegion region)
        : this(_ => Task.FromResult(state), state.Date, () => region) => _state = state;

    /// <summary>The region of the request (from the address, else the instance's default).</summary>
    public string RegionId => (_region ??= region()).Id;

    /// <summary>An internal link to a public page, under the request's region when its address named one.</summary>
    public string Href(string path) => (_region ??= region()).Href(path);

    /// <summary>The day of the figures.</summary>
    public DateOnly Today => _state?.Date ?? today;

    public async Task<RegisterState> StateAsync(CancellationToken ct) => _state ??= await load(ct);

    public async Task<Region?> RegionAsync(CancellationToken ct) => (await StateAsync(ct)).Region(RegionId);

    public async Task<Overview> OverviewAsync(CancellationToken ct) =>
        _overview ??= RegisterFigures.Overview(await StateAsync(ct), RegionId)
            ?? throw new InvalidOperationException($"Region {RegionId} is not in the register.");

    public async Task<Trend> TrendAsync(CancellationToken ct) => _trend ??= RegisterFigures.Trend(await StateAsync(ct), RegionId);

    /// <summary>All projects of the region with their history and permits, by name.</summary>
    public async Task<IReadOnlyList<Project>> ProjectsAsync(CancellationToken ct) =>
        _projects ??= (await StateAsync(ct)).ProjectsOf(RegionId).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();

    public async Task<IReadOnlyList<Organisation>> OrganisationsAsync(CancellationToken ct) =>
        (await StateAsync(ct)).Organisations.Where(o => o.RegionId == RegionId)
            .OrderBy(o => o.Kind).ThenBy(o => o.Name, StringComparer.Ordinal).ToList();

    public async Task<IReadOnlyList<Organisation>> OrganisationsAsync(OrganisationKind kind, CancellationToken ct) =>
        (await OrganisationsAsync(ct)).Where(o => o.Kind == kind).ToList();

    /// <summary>Local ownership of the new projects: the real ones, examples only when there is nothing else (decision 0016).</summary>
    public async Task<ParticipationSummary> ParticipationAsync(CancellationToken ct) =>
        ParticipationCalculator.Calculate(RegisterFigures.CountedProjects(await ProjectsAsync(ct))
            .Select(p => new ParticipationFacts(p.Id, p.Name, p.Technique, p.CapacityMw, p.Phase, p.LocalOwnershipPercent,
                p.Participation, p.PhaseHistory, p.IsExample, p.PhaseDate))
            .ToList(), Core.Projects.NewProjectRule.Of(await RegionAsync(ct)));

    public async Task<PermitProgress> PermitsAsync(CancellationToken ct) =>
        PermitProgressCalculator.Calculate((await ProjectsAsync(ct))
            .Select(p => new PermitFacts(p.Id, p.CapacityMw, p.Phase, p.Permits))
            .ToList());

    /// <summary>The latest date on which a project's data was taken from its source.</summary>
    public async Task<DateOnly?> LatestSourceDateAsync(CancellationToken ct) =>
        (await ProjectsAsync(ct)).Select(p => (DateOnly?)p.SourceDate).Max();

}
