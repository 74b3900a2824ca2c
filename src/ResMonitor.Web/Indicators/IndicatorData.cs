using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Indicators;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;

namespace ResMonitor.Web.Indicators;

/// <summary>
/// What the indicator pages and their charts read from the register, loaded once per request and only when asked.
/// </summary>
public sealed class IndicatorData(ResMonitorDbContext db, TimeProvider clock)
{
    private Overview? _overview;
    private Trend? _trend;
    private List<Project>? _projects;
    private List<Organisation>? _organisations;
    private Region? _region;

    public string RegionId { get; } = ReferenceData.DefaultRegion;

    public DateOnly Today => State?.Date ?? DateOnly.FromDateTime(clock.GetLocalNow().Date);

    /// <summary>The register on a past day (?peildatum=): the overview and the trend are then built from it.</summary>
    public Core.History.RegisterState? State { get; init; }

    public async Task<Region?> RegionAsync(CancellationToken ct) =>
        _region ??= await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == RegionId, ct);

    public async Task<Overview> OverviewAsync(CancellationToken ct) =>
        _overview ??= (State is { } state ? OverviewService.Calculate(state, RegionId) : await new OverviewService(db, clock).GetAsync(RegionId, Today, ct: ct))
            ?? throw new InvalidOperationException($"Region {RegionId} is not in the register.");

    public async Task<Trend> TrendAsync(CancellationToken ct) =>
        _trend ??= State is { } state ? TrendService.Calculate(state, RegionId) : await new TrendService(db, clock).GetAsync(RegionId, Today, ct);

    /// <summary>All projects of the region with their history and permits, by name.</summary>
    public async Task<IReadOnlyList<Project>> ProjectsAsync(CancellationToken ct) =>
        _projects ??= State is { } state ? state.ProjectsOf(RegionId).OrderBy(p => p.Name, StringComparer.Ordinal).ToList() : await db.Projects.AsNoTracking()
            .Where(p => p.RegionId == RegionId)
            .Include(p => p.PhaseHistory)
            .Include(p => p.Permits)
            .AsSplitQuery()
            .OrderBy(p => p.Name)
            .ToListAsync(ct);

    public async Task<IReadOnlyList<Organisation>> OrganisationsAsync(CancellationToken ct) =>
        _organisations ??= await db.Organisations.AsNoTracking()
            .Where(o => o.RegionId == RegionId)
            .OrderBy(o => o.Kind).ThenBy(o => o.Name)
            .ToListAsync(ct);

    public async Task<IReadOnlyList<Organisation>> OrganisationsAsync(OrganisationKind kind, CancellationToken ct) =>
        (await OrganisationsAsync(ct)).Where(o => o.Kind == kind).ToList();

    public async Task<ParticipationSummary> ParticipationAsync(CancellationToken ct) =>
        ParticipationCalculator.Calculate((await ProjectsAsync(ct))
            .Select(p => new ParticipationFacts(p.Id, p.Name, p.Technique, p.CapacityMw, p.Phase, p.LocalOwnershipPercent,
                p.Participation, Ordered(p.PhaseHistory), p.IsExample))
            .ToList());

    public async Task<PermitProgress> PermitsAsync(CancellationToken ct) =>
        PermitProgressCalculator.Calculate((await ProjectsAsync(ct))
            .Select(p => new PermitFacts(p.Id, p.CapacityMw, p.Phase, p.Permits))
            .ToList());

    /// <summary>The latest date on which a project's data was taken from its source.</summary>
    public async Task<DateOnly?> LatestSourceDateAsync(CancellationToken ct) =>
        (await ProjectsAsync(ct)).Select(p => (DateOnly?)p.SourceDate).Max();

    public async Task<int> ExampleCountAsync(CancellationToken ct) => (await ProjectsAsync(ct)).Count(p => p.IsExample);

    private static List<PhaseChange> Ordered(IEnumerable<PhaseChange> history) =>
        history.OrderBy(h => h.Date).ThenBy(h => h.Id).ToList();
}
