using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ResMonitor.Core.Data;

namespace ResMonitor.Web.Infrastructure;

/// <summary>
/// <c>GET /health</c> for a load balancer: 200 "Healthy" when the database answers, 503 "Unhealthy" when it does not.
/// Never cached (the answer is about this moment) and without cookies.
/// </summary>
public static class Health
{
    public const string Path = "/health";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    public static IEndpointConventionBuilder MapHealth(this IEndpointRouteBuilder routes) =>
        routes.MapHealthChecks(Path, new HealthCheckOptions { AllowCachingResponses = false })
            .CacheOutput(policy => policy.NoCache())
            .ExcludeFromDescription();
}

/// <summary>
/// One try through EF's connection (its interceptors, not the execution strategy's retries), so that the answer is about
/// this moment; what it finds also tells the pages whether the database is away (<see cref="DatabaseStatus"/>).
/// </summary>
internal sealed class DatabaseHealthCheck(ResMonitorDbContext db, DatabaseStatus status) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var connection = db.GetService<IRelationalConnection>();
        // A SQLite file that is gone is away (opening it would create an empty one).
        if (connection.DbConnection is Microsoft.Data.Sqlite.SqliteConnection sqlite
            && sqlite.DataSource is { Length: > 0 } file && file != ":memory:" && !File.Exists(file))
        {
            status.Failed();
            return new HealthCheckResult(context.Registration.FailureStatus, "Het databasebestand ontbreekt.");
        }

        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.DbConnection.CreateCommand();
            // A table of the monitor's own, so that a database without its schema does not count as there.
            command.CommandText = "SELECT value FROM register_version WHERE id = 1";
            await command.ExecuteScalarAsync(cancellationToken);
            status.Answered();
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is System.Data.Common.DbException || DatabaseOutage.IsUnavailable(e))
        {
            status.Failed();
            return new HealthCheckResult(context.Registration.FailureStatus, "De database antwoordt niet.", e);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }
}
