using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using ResMonitor.Core.Register;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Tests;

/// <summary>
/// Extra data that some tests of a class need on the class's database: seeded once, by whichever test asks first,
/// whatever order the tests run in; then the class's host is told about the new register version.
/// </summary>
public static class SeedOnce
{
    private static readonly ConditionalWeakTable<TestDatabase, ConcurrentDictionary<string, Lazy<Task>>> Done = [];

    /// <summary>The test region "proefregio" (RES regio Proefland, two invented municipalities): region.json and projects.csv.</summary>
    public static string TestRegionFolder => Path.Combine(AppContext.BaseDirectory, "Register", "TestRegion");

    /// <summary>Runs <paramref name="seed"/> once per database under <paramref name="key"/> and lets <paramref name="host"/> see the result.</summary>
    public static async Task RunAsync(TestDatabase database, MonitorFactory host, string key, Func<TestDatabase, Task> seed)
    {
        var seeds = Done.GetValue(database, _ => new ConcurrentDictionary<string, Lazy<Task>>(StringComparer.Ordinal));
        await seeds.GetOrAdd(key, _ => new Lazy<Task>(() => seed(database))).Value;
        await using var db = database.CreateContext();
        host.Services.GetRequiredService<RegisterVersion>().Observe(await RegisterVersionStore.ReadAsync(db));
    }

    /// <summary>The test region, with its two projects unless <paramref name="withProjects"/> is false.</summary>
    public static Task TestRegionAsync(TestDatabase database, MonitorFactory host, bool withProjects = true) =>
        RunAsync(database, host, withProjects ? "proefregio" : "proefregio-zonder-projecten", async d =>
        {
            var seed = withProjects
                ? await d.RunAsync("seed", "--region-folder", TestRegionFolder)
                : await d.RunAsync("seed", "--region-folder", TestRegionFolder, "--skip-projects");
            Assert.True(seed.Code == 0, seed.Error);
            if (withProjects)
            {
                var import = await d.RunAsync("import", "projects", Path.Combine(TestRegionFolder, "projects.csv"), "--region", "proefregio");
                Assert.True(import.Code == 0, import.Error + import.Output);
            }
        });
}
