using ResMonitor.Core.Data;

namespace ResMonitor.Web.Infrastructure;

/// <summary>
/// The embedded SQLite database is created, migrated and seeded on first start, so that one command gives a
/// working monitor. PostgreSQL is production: its schema changes only through `resmonitor migrate`, and the site
/// refuses to start on a schema it does not know.
/// </summary>
internal sealed class DatabaseStartup(IServiceScopeFactory scopes, DatabaseSetting setting, TimeProvider clock, ILogger<DatabaseStartup> logger)
    : IHostedService
{
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
                var result = await new ReferenceData(db, clock).SeedAsync(null, withExamples: true, cancellationToken);
                logger.LogInformation("Eerste start: regio {Region} geladen met {Examples} voorbeeldprojecten.", result.RegionId, result.ExamplesAdded);
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
