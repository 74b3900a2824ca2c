using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using ResMonitor.Core.Data;
using ResMonitor.Core.Register;

namespace ResMonitor.Web.Register;

public sealed class RegisterOptions
{
    /// <summary>How often the version is read from the database (Register:VersionRefresh, default one second).</summary>
    public TimeSpan VersionRefresh { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many past days (?peildatum=) stay in memory (Register:PastDays, default 10).</summary>
    public int PastDays { get; set; } = 10;
}

/// <summary>Reads the register version from the database every <see cref="RegisterOptions.VersionRefresh"/>.</summary>
public sealed class RegisterVersionRefresher(
    IServiceScopeFactory scopes, RegisterVersion version, IOptions<RegisterOptions> options, ILogger<RegisterVersionRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.VersionRefresh);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ResMonitorDbContext>();
                version.Observe(await RegisterVersionStore.ReadAsync(db, stoppingToken));
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                // The database may be briefly away (a restart, a migration); the next tick tries again.
                logger.LogWarning(e, "De registerversie kon niet worden gelezen.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

/// <summary>After every committed transaction through this instance: read the version at once, so that the writer sees its own write.</summary>
public sealed class RegisterVersionInterceptor(RegisterVersion version) : DbTransactionInterceptor
{
    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.GetDbConnection() is { State: System.Data.ConnectionState.Open } connection)
        {
            version.Observe(await RegisterVersionStore.ReadAsync(connection, cancellationToken));
        }
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context?.Database.GetDbConnection() is { State: System.Data.ConnectionState.Open } connection)
        {
            version.Observe(RegisterVersionStore.ReadAsync(connection).GetAwaiter().GetResult());
        }
    }
}
