using ResMonitor.Core.Data;

namespace ResMonitor.Web.Infrastructure;

/// <summary>
/// The embedded SQLite database is created, migrated and seeded on first start, so that one command gives a
/// working monitor. PostgreSQL is production: its schema changes only through `resmonitor migrate`, and the site
/// refuses to start on a schema it does not know. The first start loads the region's real projects; the fictitious
/// examples only when configured (<c>Seed:Examples=true</c>, a demonstration), and <c>Seed:Projects=false</c> leaves
/// the real projects out.
/// </summary>
internal sealed class DatabaseStartup(
    IServiceScopeFactory scopes, DatabaseSetting setting, TimeProvider clock, IConfiguration configuration, ILogger<DatabaseStartup> logger)
    : IHostedService
{
    /// <summary>The seed of a first start, from the settings <c>Seed:Examples</c> (default false) and <c>Seed:Projects</c> (default true).</summary>
    public static SeedOptions Options(IConfiguration configuration) => new(
        configuration.GetValue("Seed:Examples", false) ? ExampleSeeding.Add : ExampleSeeding.Keep,
        configuration.GetValue("Seed:Projects", true));

    /// <summary>
    /// The national part of a first start: <c>Seed:National=true</c> loads all 30 RES regions (empty list), <c>Seed:Regions=ES01,ES03</c>
    /// the chosen ones; null when neither is set (one region, the default).
    /// </summary>
    public static IReadOnlyList<string>? NationalSelection(IConfiguration configuration) =>
        configuration["Seed:Regions"] is { Length: > 0 } codes
            ? codes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToUpperInvariant()).ToList()
            : configuration.GetValue("Seed:National", false) ? [] : null;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResMonitorDbContext>();
        if (setting.Provider == DatabaseProvider.Sqlite)
        {
            if (setting.SqlitePath is { } path && Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }

            await Migrator.MigrateAsync(db, cancellationToken);
            if (!db.Regions.Any())
            {
                SeedResult result = null!;
                async Task SeedDefault(CancellationToken ct) => result = await new ReferenceData(db, clock).SeedAsync(null, Options(configuration), ct);
                if (NationalSelection(configuration) is { } codes)
                {
                    var national = await new Core.National.NationalSeed(db).SeedAsync(null, codes.Count == 0 ? null : codes, SeedDefault, cancellationToken);
                    logger.LogInformation("Eerste start: {Regions} RES-regio's met {Municipalities} gemeenten geladen.", national.Regions, national.Municipalities);
                }
                else
                {
                    await SeedDefault(cancellationToken);
                }

                logger.LogInformation("Eerste start: regio {Region} geladen met {Projects} echte projecten en {Examples} voorbeeldprojecten.",
                    result.RegionId, result.ProjectsAdded, result.ExamplesAdded);
            }

            return;
        }

        var pending = await Migrator.PendingAsync(db, cancellationToken);
        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"De database mist {pending.Count} migratie(s): {string.Join(", ", pending)}. Voer eerst 'resmonitor migrate' uit.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
