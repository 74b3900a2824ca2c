using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using ResMonitor.Core.Data;
using ResMonitor.Core.History;

namespace ResMonitor.Web.Features.Register;

/// <summary>
/// Turns a day (today, or ?peildatum=) into the register of that day (<see cref="RegisterState"/>), built once and
/// shared by every request until the register version moves on: today's per version, past days in a bounded cache
/// (<see cref="RegisterOptions.PastDays"/>), also per version. Concurrent first requests for the same day wait for
/// the same build. The stored rows behind them are read once per version (<see cref="RegisterRows"/>): a past day then
/// costs reading its part of the audit trail, not the whole register.
/// </summary>
public sealed class RegisterResolver : IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly RegisterVersion _version;
    private readonly TimeProvider _clock;
    private readonly MemoryCache _past;
    private readonly Lock _lock = new();
    private (long Version, DateOnly Day, Lazy<Task<RegisterState>> State)? _today;
    private (long Version, Lazy<Task<RegisterRows>> Rows)? _rows;

    public RegisterResolver(IServiceScopeFactory scopes, RegisterVersion version, TimeProvider clock, IOptions<RegisterOptions> options)
    {
        _scopes = scopes;
        _version = version;
        _clock = clock;
        _past = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.PastDays), CompactionPercentage = 0.25 });
    }

    public DateOnly Today => DateOnly.FromDateTime(_clock.GetLocalNow().Date);

    public long Version => _version.Current;

    /// <summary>The register of today, or of the day asked for (null: today).</summary>
    public Task<RegisterState> OnAsync(DateOnly? date, CancellationToken ct) =>
        date is { } day && day != Today ? PastAsync(day, ct) : TodayAsync(ct);

    public Task<RegisterState> TodayAsync(CancellationToken ct)
    {
        var version = _version.Current;
        var today = Today;
        Lazy<Task<RegisterState>> state;
        lock (_lock)
        {
            if (_today is not { } known || known.Version != version || known.Day != today || known.State.Value.IsFaulted)
            {
                _today = (version, today, new(() => BuildAsync(version, today, replay: false)));
            }

            state = _today.Value.State;
        }

        return state.Value.WaitAsync(ct);
    }

    private Task<RegisterState> PastAsync(DateOnly day, CancellationToken ct)
    {
        var version = _version.Current;
        var key = (version, day);
        Lazy<Task<RegisterState>> state;
        lock (_lock)
        {
            if (!_past.TryGetValue(key, out state!) || state.Value.IsFaulted)
            {
                state = new(() => BuildAsync(version, day, replay: true));
                _past.Set(key, state, new MemoryCacheEntryOptions { Size = 1 });
            }
        }

        return state.Value.WaitAsync(ct);
    }

    private async Task<RegisterState> BuildAsync(long version, DateOnly day, bool replay)
    {
        // Not tied to the first request's cancellation: others may be waiting for the same build.
        var rows = await RowsAsync(version);
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResMonitorDbContext>();
        return await RegisterAsOf.BuildAsync(db, rows, day, _clock.LocalTimeZone, replay, CancellationToken.None);
    }

    /// <summary>
    /// The stored rows of a version. Rows read while the version moves on may already hold a later write; undoing
    /// that write's audit entries again is harmless, and the next version reads them anew.
    /// </summary>
    private Task<RegisterRows> RowsAsync(long version)
    {
        Lazy<Task<RegisterRows>> rows;
        lock (_lock)
        {
            if (_rows is not { } known || known.Version != version || known.Rows.Value.IsFaulted)
            {
                _rows = (version, new(async () =>
                {
                    await using var scope = _scopes.CreateAsyncScope();
                    return await RegisterRows.LoadAsync(scope.ServiceProvider.GetRequiredService<ResMonitorDbContext>(), CancellationToken.None);
                }));
            }

            rows = _rows.Value.Rows;
        }

        return rows.Value;
    }

    public void Dispose() => _past.Dispose();
}
