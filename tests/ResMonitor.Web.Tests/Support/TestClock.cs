using Microsoft.Extensions.Time.Testing;

namespace ResMonitor.Web.Tests;

/// <summary>
/// The moment every test runs at, so that no test reads the real clock. 1 December 2026, 11:00 UTC (the same calendar
/// day in every time zone from UTC-11 to UTC+12): after every date the tests treat as past (the example projects end
/// in July 2025; impasse steps and documents in early 2026; the reference dates of 23 November 2026) and before every
/// date they treat as future (expected ends from 1 January 2027).
/// </summary>
public static class TestClock
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 11, 0, 0, TimeSpan.Zero);

    /// <summary>The calendar day of <see cref="Start"/>, in the local time zone as the product reads it.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Start, TimeZoneInfo.Local).DateTime);

    /// <summary>
    /// A clock at <see cref="Start"/> that moves one millisecond forward on every reading, so that writes keep their
    /// order (as on a real clock) while the day never changes during a run. Local time is the machine's, as with
    /// <see cref="TimeProvider.System"/>.
    /// </summary>
    public static FakeTimeProvider Create()
    {
        var clock = new FakeTimeProvider(Start) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
        clock.SetLocalTimeZone(TimeZoneInfo.Local);
        return clock;
    }
}
