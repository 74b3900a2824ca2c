using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ResMonitor.Core.Data;

namespace ResMonitor.Web.Tests;

/// <summary>
/// The database away (every new connection refused, as when the server is stopped, or a locked SQLite file): public
/// pages keep answering from the register in memory with a notice, the rest gets a Dutch 503 with Retry-After, /health
/// says unhealthy, nothing answers 500, and the site recovers by itself. (A real PostgreSQL restart and stop under
/// traffic: bench/outage/run.sh.)
/// </summary>
public abstract class DatabaseOutageTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database, followRedirects: false)
    where TDatabase : TestDatabase
{
    private const string Notice = "De database is even niet bereikbaar: deze cijfers zijn de laatst bekende";

    [Fact]
    public async Task While_the_database_is_away_public_pages_serve_the_last_state_the_rest_gets_503_and_then_it_recovers()
    {
        var outage = new Outage();
        await using var host = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.ConfigureDbContext<ResMonitorDbContext>(o => o.AddInterceptors(outage))));
        using var visitor = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var editor = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await BeheerSession.SignInAsync(editor, Database, "beheerder");
        string[] publicPaths = ["/", "/gemeenten", "/prognose", "/api/v1/regions/drenthe/summary"];
        foreach (var path in publicPaths)
        {
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(path)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/beheer/projecten")).StatusCode);

        outage.Down = true;
        await UntilAsync(async () => (await visitor.GetAsync("/health")).StatusCode == HttpStatusCode.ServiceUnavailable);

        foreach (var path in publicPaths)
        {
            using var response = await visitor.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        }

        await UntilAsync(async () => (await visitor.GetStringAsync("/")).Contains(Notice, StringComparison.Ordinal));
        using var page = await editor.GetAsync("/beheer/projecten");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal("10", page.Headers.RetryAfter?.ToString());
        Assert.Contains("Even niet bereikbaar", await page.Content.ReadAsStringAsync());
        using var api = await editor.GetAsync("/api/v1/projects/VB-001");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("10", api.Headers.RetryAfter?.ToString());
        Assert.Equal("Database tijdelijk niet bereikbaar", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        outage.Down = false;
        await UntilAsync(async () => (await visitor.GetAsync("/health")).StatusCode == HttpStatusCode.OK);
        await UntilAsync(async () => !(await visitor.GetStringAsync("/")).Contains(Notice, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/beheer/projecten")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/api/v1/projects/VB-001")).StatusCode);
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The site did not reach the expected state within 10 seconds.");
    }

    /// <summary>Refuses every new connection while <see cref="Down"/>, as a stopped server or a locked file would.</summary>
    private sealed class Outage : DbConnectionInterceptor
    {
        public volatile bool Down;

        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        {
            Refuse(connection);
            return result;
        }

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            Refuse(connection);
            return ValueTask.FromResult(result);
        }

        private void Refuse(DbConnection connection)
        {
            if (!Down)
            {
                return;
            }

            throw connection is Npgsql.NpgsqlConnection
                ? new Npgsql.NpgsqlException("Failed to connect to 127.0.0.1:5432", new System.Net.Sockets.SocketException(111))
                : new Microsoft.Data.Sqlite.SqliteException("SQLite Error 5: 'database is locked'.", 5);
        }
    }
}

public sealed class SqliteDatabaseOutageTests(SqliteDatabase database) : DatabaseOutageTests<SqliteDatabase>(database);

public sealed class PostgresDatabaseOutageTests(PostgresDatabase database) : DatabaseOutageTests<PostgresDatabase>(database);
