using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;

namespace ResMonitor.Core.Forecast;

/// <summary>The forecast as published: the result, the assumptions it used and the names behind its keys.</summary>
public sealed record RegionForecast(
    string Region,
    string Name,
    ForecastResult Result,
    ForecastAssumptions Assumptions,
    string TargetSource,
    IReadOnlyDictionary<string, string> MunicipalityNames,
    int ExampleProjects);

/// <summary>Loads what the forecast needs from the register (the same yields as the overview) and runs it.</summary>
public sealed class ForecastService(ResMonitorDbContext db, TimeProvider clock)
{
    public const int DefaultRuns = 10_000;
    public const ulong DefaultSeed = 2030;

    public async Task<RegionForecast?> GetAsync(string regionId, ForecastSettings? settings = null, DateOnly? referenceDate = null, CancellationToken ct = default)
    {
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == regionId, ct);
        if (region is null)
        {
            return null;
        }

        var today = referenceDate ?? DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var targets = await db.Targets.AsNoTracking().Where(t => t.RegionId == regionId).ToListAsync(ct);
        var total = targets.Where(t => t.Technique is null).OrderBy(t => t.Year).FirstOrDefault();
        if (total is null)
        {
            return null;
        }

        var hours = await db.FullLoadHours.AsNoTracking().Where(h => h.RegionId == regionId).ToListAsync(ct);
        var municipalities = await db.MunicipalitiesOf(regionId)
            .ToDictionaryAsync(o => o.Id, ct);
        var rows = await ForecastAssumptionStore.RowsAsync(db, regionId, ct);
        var assumptions = ForecastAssumptionRow.InForce(rows, today);
        var calculator = new YieldCalculator(hours, today);
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.RegionId == regionId && p.Phase != Phase.Withdrawn)
            .Select(p => new { p.Id, p.Name, p.Technique, p.CapacityMw, p.MunicipalityId, p.Phase, p.PhaseDate, p.MeasuredYieldMwh, p.IsExample })
            .ToListAsync(ct);
        var failures = PlanFailures.PlanFailureRules.LatestPerProject(
            await db.PlanFailures.AsNoTracking().Where(f => f.RegionId == regionId && f.ProjectId != null && f.Date <= today).ToListAsync(ct));
        // The same share as in the overview; a realised project cannot be delayed any more.
        PlanFailures.PlanFailureEffect Effect(string id, Phase phase) =>
            !failures.TryGetValue(id, out var f) ? PlanFailures.PlanFailureEffect.Unaffected
            : phase == Phase.Realised ? PlanFailures.PlanFailureEffect.Of(f) with { NotBefore = null }
            : PlanFailures.PlanFailureEffect.Of(f);
        var input = new ForecastInput(
            today,
            total.Year,
            (double)total.ValueMwh,
            projects.Select(p => new ForecastProject(
                p.Id, p.Name, p.Technique, municipalities.TryGetValue(p.MunicipalityId, out var m) ? m.Code : "?", p.Phase, p.PhaseDate ?? today,
                (double)(calculator.Estimate(p.Technique, p.CapacityMw, p.MunicipalityId, p.MeasuredYieldMwh).Mwh * Effect(p.Id, p.Phase).RemainingShare),
                Effect(p.Id, p.Phase).NotBefore)).ToList(),
            targets.Where(t => t.Technique is not null && t.Year == total.Year).ToDictionary(t => t.Technique!.Value, t => (double)t.ValueMwh));
        var result = ForecastModel.Run(input, assumptions, settings ?? new ForecastSettings(DefaultRuns, DefaultSeed));
        return new RegionForecast(
            region.Id, region.Name, result, assumptions, total.Source,
            municipalities.Values.ToDictionary(o => o.Code, o => o.Name, StringComparer.Ordinal),
            projects.Count(p => p.IsExample));
    }
}
