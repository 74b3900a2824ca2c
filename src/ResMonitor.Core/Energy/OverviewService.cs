using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Data;
using ResMonitor.Core.Regions;

namespace ResMonitor.Core.Energy;

/// <summary>Loads what the RES 2.0 overview needs from the register and calculates it.</summary>
public sealed class OverviewService(ResMonitorDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    /// <param name="municipalityId">Only this municipality's projects and line (a municipality page), or the whole region.</param>
    public async Task<Overview?> GetAsync(string regionId, DateOnly? referenceDate = null, int? municipalityId = null, CancellationToken ct = default)
    {
        if (!await db.Regions.AnyAsync(r => r.Id == regionId, ct))
        {
            return null;
        }

        var failures = PlanFailures.PlanFailureRules.LatestPerProject(
            await db.PlanFailures.AsNoTracking().Where(f => f.RegionId == regionId && f.ProjectId != null && f.Date <= (referenceDate ?? Today)).ToListAsync(ct));
        var projects = (await db.Projects.AsNoTracking()
            .Where(p => p.RegionId == regionId && (municipalityId == null || p.MunicipalityId == municipalityId))
            .Select(p => new ProjectFacts(p.Id, p.Technique, p.CapacityMw, p.MunicipalityId, p.Phase, p.MeasuredYieldMwh, p.IsExample, 1m))
            .ToListAsync(ct))
            .Select(p => failures.TryGetValue(p.Id, out var f) ? p with { RemainingShare = PlanFailures.PlanFailureEffect.Of(f).RemainingShare } : p)
            .ToList();
        var municipalities = await db.MunicipalitiesOf(regionId)
            .Where(m => municipalityId == null || m.Id == municipalityId)
            .ToListAsync(ct);
        var targets = await db.Targets.AsNoTracking().Where(t => t.RegionId == regionId).ToListAsync(ct);
        var hours = await db.FullLoadHours.AsNoTracking().Where(h => h.RegionId == regionId).ToListAsync(ct);
        return OverviewCalculator.Calculate(regionId, projects, municipalities, targets, hours, referenceDate ?? Today);
    }

    /// <summary>The overview on a past day, from the register as it was known then (see <see cref="History.RegisterAsOf"/>).</summary>
    public async Task<Overview?> GetAsOfAsync(string regionId, DateOnly date, int? municipalityId = null, CancellationToken ct = default) =>
        Calculate(await History.RegisterAsOf.LoadAsync(db, date, clock.LocalTimeZone, ct), regionId, municipalityId);

    /// <summary>
    /// The overview of a rebuilt register on its day: each project in the phase it had then, the plan failures dated
    /// on or before it, the targets and full-load hours known then.
    /// </summary>
    public static Overview? Calculate(History.RegisterState state, string regionId, int? municipalityId = null)
    {
        if (state.Region(regionId) is null)
        {
            return null;
        }

        return OverviewCalculator.Calculate(
            regionId,
            state.FactsOf(regionId, municipalityId),
            state.MunicipalitiesOf(regionId).Where(m => municipalityId == null || m.Id == municipalityId).ToList(),
            state.Targets.Where(t => t.RegionId == regionId).ToList(),
            state.FullLoadHours.Where(h => h.RegionId == regionId).ToList(),
            state.Date);
    }
}
