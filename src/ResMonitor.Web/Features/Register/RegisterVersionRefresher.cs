using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResMonitor.Core.Data;
using ResMonitor.Core.Register;

namespace ResMonitor.Web.Features.Register;

public sealed class RegisterOptions
{
    /// <summary>How often the version is read from the database (Register:VersionRefresh, default one second).</summary>
    public TimeSpan VersionRefresh { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many past days (?peildatum=) stay in memory (Register:PastDays, default 10).</summary>
    public int PastDays { get; set; } = 10;
}

/// <summary>Reads the register version from the database every <see cref="RegisterOptions.VersionRefresh"/>.</summary>
public sealed class RegisterVersionRefresher(
    IServiceScopeFactory scopes, RegisterVersion version, IOptions<RegisterOptions> options, Infrastructure.DatabaseStatus status,
    ILogger<RegisterVersionRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.VersionRefresh);
        RegisterVersionStore.Committed += ReadNow;
        try
        {
            await PollAsync(timer, stoppingToken);
        }
        finally
        {
            RegisterVersionStore.Committed -= ReadNow;
        }
    }

    /// <summary>After a commit in this process: read at once, so that the writer sees its own write on the next request.</summary>
    private void ReadNow()
    {
        try
        {
            using var scope = scopes.CreateScope();
            var setting = scope.ServiceProvider.GetRequiredService<DatabaseSetting>();
            using var db = setting.CreateContext();
            var connection = db.Database.GetDbConnection();
            connection.Open();
            version.Observe(RegisterVersionStore.Read(connection));
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            logger.LogWarning(e, "De registerversie kon niet worden gelezen.");
        }
    }

    private async Task PollAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ResMonitorDbContext>();
                version.Observe(await RegisterVersionStore.ReadAsync(db, stoppingToken));
                status.Answered();
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly away (a restart, a migration); the pages keep the register they have, and
                // the next tick tries again.
                if (status.Available)
                {
                    logger.LogWarning(e, "De registerversie kon niet worden gelezen.");
                }

                status.Failed();
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
