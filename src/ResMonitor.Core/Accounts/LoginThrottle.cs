using System.Collections.Concurrent;

namespace ResMonitor.Core.Accounts;

/// <summary>
/// Growing delays after failed sign-ins, per (e-mail address as typed, client address), instead of a lock on the account:
/// someone elsewhere who tries wrong passwords for your address slows down only themselves. The first
/// <see cref="FreeFailures"/> failures cost nothing; after that each attempt must wait, 5 s after the third failure and
/// twice as long after every next one, at most <see cref="MaxDelay"/>. A success clears the pair; a pair without a failure
/// for a day is forgotten. The key is the typed text, not the account, so that an unknown address is treated exactly
/// like a known one. Kept in memory per instance (docs/decisions/0015-hardening.md).
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int FreeFailures = 3;

    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);

    /// <summary>How many pairs are kept at most; beyond it the oldest are dropped.</summary>
    public const int MaxPairs = 100_000;

    private static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(1);

    private readonly ConcurrentDictionary<(string Email, string Client), Failures> _pairs = new();

    private sealed record Failures(int Count, DateTimeOffset Last);

    /// <summary>The delay after <paramref name="failures"/> failures in a row (zero up to <see cref="FreeFailures"/> - 1).</summary>
    public static TimeSpan DelayAfter(int failures) =>
        failures < FreeFailures ? TimeSpan.Zero
        : failures - FreeFailures >= 8 ? MaxDelay
        : TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, FirstDelay.Ticks << (failures - FreeFailures)));

    /// <summary>How long this pair must still wait before an attempt is checked at all; zero when it may try now.</summary>
    public TimeSpan WaitFor(string email, string client)
    {
        if (!_pairs.TryGetValue(Key(email, client), out var failures))
        {
            return TimeSpan.Zero;
        }

        var wait = failures.Last + DelayAfter(failures.Count) - clock.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <summary>Counts a failed attempt and returns the wait before the next one.</summary>
    public TimeSpan Failed(string email, string client)
    {
        var now = clock.GetUtcNow();
        var failures = _pairs.AddOrUpdate(Key(email, client), _ => new(1, now),
            (_, known) => now - known.Last > ForgetAfter ? new(1, now) : new(known.Count + 1, now));
        if (_pairs.Count > MaxPairs)
        {
            Prune(now);
        }

        return DelayAfter(failures.Count);
    }

    public void Succeeded(string email, string client) => _pairs.TryRemove(Key(email, client), out _);

    private static (string, string) Key(string email, string client) => (email.Trim().ToUpperInvariant(), client);

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, failures) in _pairs)
        {
            if (now - failures.Last > ForgetAfter)
            {
                _pairs.TryRemove(key, out _);
            }
        }

        // Still too many (a flood of new pairs): the oldest quarter goes.
        if (_pairs.Count > MaxPairs)
        {
            foreach (var (key, _) in _pairs.OrderBy(p => p.Value.Last).Take(_pairs.Count - (MaxPairs * 3 / 4)).ToList())
            {
                _pairs.TryRemove(key, out _);
            }
        }
    }
}
