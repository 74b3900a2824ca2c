using System.Runtime;

namespace ResMonitor.Web.Infrastructure;

/// <summary>
/// Memory back after a load: the garbage collector only runs when something allocates, so after a burst of traffic an
/// idle site keeps its garbage (and the memory under it) until the next request. When requests came in and then none
/// for <see cref="IdleAfter"/>, one full, compacting collection in the aggressive mode returns the free memory to the
/// system. Once per burst; never while requests are coming in (docs/decisions/0015-hardening.md).
/// </summary>
public sealed class IdleMemory(ILogger<IdleMemory> logger) : BackgroundService
{
    public static readonly TimeSpan IdleAfter = TimeSpan.FromSeconds(20);

    private long _requests;

    /// <summary>Counts a request (see <see cref="IdleMemorySetup.UseIdleMemory"/>).</summary>
    internal void Request() => Interlocked.Increment(ref _requests);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(IdleAfter);
        long seen = 0;
        var busy = false;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = Interlocked.Read(ref _requests);
            if (now != seen)
            {
                (seen, busy) = (now, true);
                continue;
            }

            if (busy)
            {
                busy = false;
                var before = Environment.WorkingSet;
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                logger.LogDebug("Rustig na drukte: geheugen van {Before} MB naar {After} MB.", before >> 20, Environment.WorkingSet >> 20);
            }
        }
    }
}

public static class IdleMemorySetup
{
    public static IServiceCollection AddIdleMemory(this IServiceCollection services) =>
        services.AddSingleton<IdleMemory>().AddHostedService(sp => sp.GetRequiredService<IdleMemory>());

    public static IApplicationBuilder UseIdleMemory(this IApplicationBuilder app)
    {
        var idle = app.ApplicationServices.GetRequiredService<IdleMemory>();
        return app.Use((context, next) =>
        {
            idle.Request();
            return next(context);
        });
    }
}
