using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore.Storage;

namespace ResMonitor.Web.Infrastructure;

/// <summary>
/// Whether the database answered lately: set by every reading of the register version (each second, see
/// Features/Register/RegisterVersionRefresher.cs) and by any request that failed on the database. While it is away,
/// public pages are served from the register in memory with a notice (Features/Shared/_Layout.cshtml), and a request
/// that needs the database gets 503 with <c>Retry-After</c> (<see cref="DatabaseOutage"/>).
/// </summary>
public sealed class DatabaseStatus
{
    private int _down;

    public bool Available => Volatile.Read(ref _down) == 0;

    public void Answered() => Volatile.Write(ref _down, 0);

    public void Failed() => Volatile.Write(ref _down, 1);
}

/// <summary>
/// A request that fails because the database is away (after the execution strategy's retries) answers 503 with
/// <c>Retry-After</c>: a Dutch problem under <c>/api</c>, the Dutch error page elsewhere (status code pages, /fout/503).
/// Never a 500 for something that is not wrong with the page itself.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>Seconds a client is asked to wait: about the time a restart of the database takes.</summary>
    public const int RetryAfterSeconds = 10;

    public static IServiceCollection AddDatabaseOutage(this IServiceCollection services) => services.AddSingleton<DatabaseStatus>();

    /// <summary>After the exception handler and the status code pages, so that the 503 gets the Dutch page.</summary>
    public static IApplicationBuilder UseDatabaseOutage(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (IsUnavailable(e) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            context.RequestServices.GetRequiredService<DatabaseStatus>().Failed();
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseOutage))
                .LogWarning("De database is niet bereikbaar: {Method} {Path} kreeg 503 ({Error}).", context.Request.Method, context.Request.Path, e.GetBaseException().Message);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            context.Response.Headers.CacheControl = "no-store";
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                await TypedResults.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "Database tijdelijk niet bereikbaar",
                    detail: $"De monitor kan de database nu niet bereiken. Probeer het over {RetryAfterSeconds} seconden opnieuw.")
                    .ExecuteAsync(context);
            }
        }
    });

    /// <summary>True for a failure of the connection to the database rather than of the request: a transient error, a lost or refused connection, a busy SQLite file.</summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RetryLimitExceededException:
                case Npgsql.NpgsqlException { IsTransient: true }:
                case Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 }:   // SQLITE_BUSY, SQLITE_LOCKED
                case SocketException:
                case TimeoutException:
                    return true;
                case InvalidOperationException when e.InnerException is DbException or SocketException or TimeoutException:
                    continue;
            }
        }

        return false;
    }
}
