using Microsoft.Extensions.Caching.Memory;
using ResMonitor.Core.Forecast;
using ResMonitor.Core.Register;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.Forecast;

/// <summary>
/// The default forecast (10,000 runs, seed 2030) is the same for every visitor until the register changes, so the site
/// keeps it per region, day and register version (see <see cref="RegisterVersion"/>).
/// </summary>
public sealed class ForecastCache(IMemoryCache cache, RegisterResolver register)
{
    private static readonly SemaphoreSlim Computing = new(1, 1);

    public async Task<RegionForecast?> GetAsync(string regionId, CancellationToken ct)
    {
        var key = $"forecast:{regionId}:{register.Today:yyyy-MM-dd}:{register.Version}";
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
                var state = await register.TodayAsync(ct);
                cached = RegisterFigures.Forecast(state, regionId);
                cache.Set(key, cached, TimeSpan.FromHours(1));
            }

            return cached;
        }
        finally
        {
            Computing.Release();
        }
    }
}
