using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ResMonitor.Core.Data;
using ResMonitor.Core.Forecast;

namespace ResMonitor.Web.Forecast;

/// <summary>
/// The default forecast (10,000 runs, seed 2030) is the same for every visitor until the register changes, so the site
/// keeps it: keyed by the day and a fingerprint of the register (project counts, the latest phase change and audit entry,
/// the assumptions), and never older than five minutes, so an import from the command line shows up soon.
/// </summary>
public sealed class ForecastCache(IMemoryCache cache, ResMonitorDbContext db, ForecastService forecasts, TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    public async Task<RegionForecast?> GetAsync(string regionId, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var fingerprint = new
        {
            Projects = await db.Projects.CountAsync(p => p.RegionId == regionId, ct),
            Realised = await db.Projects.CountAsync(p => p.RegionId == regionId && p.Phase == Core.Projects.Phase.Realised, ct),
            LastChange = await db.PhaseChanges.MaxAsync(c => (long?)c.Id, ct),
            LastAudit = await db.AuditEntries.MaxAsync(a => (long?)a.Id, ct),
            Assumptions = await db.ForecastAssumptions.CountAsync(a => a.RegionId == regionId, ct),
            LastAssumption = await db.ForecastAssumptions.MaxAsync(a => (int?)a.Id, ct),
            PlanFailures = await db.PlanFailures.CountAsync(f => f.RegionId == regionId, ct),
        };
        var key = $"forecast:{regionId}:{today:yyyy-MM-dd}:{fingerprint}";
        if (cache.TryGetValue(key, out RegionForecast? cached))
        {
            return cached;
        }

        // One computation at a time: without this, a burst of first visitors would each run the whole simulation.
        await Computing.WaitAsync(ct);
        try
        {
            if (!cache.TryGetValue(key, out cached))
            {
                cached = await forecasts.GetAsync(regionId, referenceDate: today, ct: ct);
                cache.Set(key, cached, MaxAge);
            }

            return cached;
        }
        finally
        {
            Computing.Release();
        }
    }

    private static readonly SemaphoreSlim Computing = new(1, 1);
}
