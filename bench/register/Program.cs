using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Data;
using ResMonitor.Core.History;

// Times building the register's state (the read model behind every public page) for today and for a past day, and
// the managed memory one state holds: bench/register/run.sh DATABASE [PAST-DAY] [REPEATS].
var setting = DatabaseSetting.Parse(args[0]);
var past = args.Length > 1 ? DateOnly.ParseExact(args[1], "yyyy-MM-dd", CultureInfo.InvariantCulture) : new DateOnly(2025, 1, 1);
var repeats = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
var today = DateOnly.FromDateTime(DateTime.UtcNow);
var baseline = GC.GetTotalMemory(forceFullCollection: true);

ResMonitorDbContext Open()
{
    var options = new DbContextOptionsBuilder<ResMonitorDbContext>();
    setting.Configure(options);
    return new ResMonitorDbContext(options.Options);
}

async Task<(double First, double Median, RegisterState State)> Time(Func<ResMonitorDbContext, Task<RegisterState>> load)
{
    var times = new List<double>();
    RegisterState state = null!;
    for (var i = 0; i <= repeats; i++)
    {
        await using var db = Open();
        var watch = Stopwatch.StartNew();
        state = await load(db);
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    var rest = times.Skip(1).Order().ToList();
    return (times[0], rest[rest.Count / 2], state);
}

// As the site does it: the stored rows once per register version, then each day built from them.
RegisterRows rows = null!;
var rowsTime = await Time(async db =>
{
    rows = await RegisterRows.LoadAsync(db);
    return null!;
});
var todayTime = await Time(db => RegisterAsOf.BuildAsync(db, rows, today, zone, replay: false));
var pastTime = await Time(db => RegisterAsOf.BuildAsync(db, rows, past, zone, replay: true));
var s = todayTime.State;
Console.WriteLine($"register: {s.Regions.Count} regions, {s.Projects.Count} projects, {s.PhaseChanges.Count} phase changes, {s.Permits.Count} permits");
Console.WriteLine($"| state | first ms | median ms (of {repeats}) |");
Console.WriteLine("|---|---:|---:|");
Console.WriteLine($"| the stored rows (once per register version) | {rowsTime.First:F0} | {rowsTime.Median:F0} |");
Console.WriteLine($"| today, from the rows | {todayTime.First:F0} | {todayTime.Median:F0} |");
Console.WriteLine($"| {past:yyyy-MM-dd}, from the rows | {pastTime.First:F0} | {pastTime.Median:F0} |");

todayTime = default;
pastTime = default;
s = null!;
var kept = new List<RegisterState>();
for (var i = 0; i < 11; i++)
{
    await using var db = Open();
    kept.Add(await RegisterAsOf.BuildAsync(db, rows, past.AddDays(i), zone, replay: true));
}

var eleven = GC.GetTotalMemory(forceFullCollection: true);
await using (var db = Open())
{
    kept.Add(await RegisterAsOf.BuildAsync(db, rows, past.AddDays(11), zone, replay: true));
}

var twelve = GC.GetTotalMemory(forceFullCollection: true);
Console.WriteLine();
Console.WriteLine($"Managed memory of the stored rows and 11 past-day states built from them: {(eleven - baseline) / 1024.0 / 1024.0:F0} MB; " +
    $"one more state: {(twelve - eleven) / 1024.0 / 1024.0:F0} MB; process resident {Environment.WorkingSet / 1024 / 1024} MB.");
GC.KeepAlive(kept);
GC.KeepAlive(rows);
