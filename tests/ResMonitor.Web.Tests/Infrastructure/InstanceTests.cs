using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using ResMonitor.Core.Governance;

namespace ResMonitor.Web.Tests;

/// <summary>
/// What running behind a proxy and on several machines needs, on both databases: forwarded headers only from
/// configured proxies, /health for the load balancer, no log line per request or SQL command, data-protection keys in
/// the database but not in a backup, and a reminder run that records each reminder once however many run at once.
/// </summary>
public abstract partial class InstanceTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database, followRedirects: false)
    where TDatabase : TestDatabase
{
    private const string Proxy = "127.0.0.1";

    // ---------- forwarded headers ----------

    [Fact]
    public async Task Behind_a_configured_proxy_X_Forwarded_Proto_https_makes_the_session_cookie_Secure()
    {
        using var factory = BehindProxy(Proxy);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var email = await BeheerSession.AddUserAsync(Database, "beheerder");

        var session = await SignInThroughProxyAsync(client, email);

        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Without_configured_proxies_X_Forwarded_Proto_is_ignored_and_the_cookie_is_not_Secure_over_http()
    {
        using var factory = BehindProxy();
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var email = await BeheerSession.AddUserAsync(Database, "beheerder");

        var session = await SignInThroughProxyAsync(client, email);

        Assert.DoesNotContain("secure", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Behind_a_configured_proxy_two_client_addresses_get_separate_login_rate_limits()
    {
        using var factory = BehindProxy(Proxy);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < 10; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await LoginPostFromAsync(client, "203.0.113.10")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginPostFromAsync(client, "203.0.113.10")).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await LoginPostFromAsync(client, "203.0.113.20")).StatusCode);
    }

    [Fact]
    public async Task Without_configured_proxies_X_Forwarded_For_is_ignored_and_every_client_shares_the_proxys_limit()
    {
        using var factory = BehindProxy();
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < 10; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await LoginPostFromAsync(client, "203.0.113.10")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginPostFromAsync(client, "203.0.113.20")).StatusCode);
    }

    [Fact]
    public async Task A_configured_proxy_network_is_trusted_and_an_address_from_elsewhere_is_not()
    {
        using var trusted = BehindProxy(network: "127.0.0.0/8");
        using var elsewhere = BehindProxy(network: "10.1.0.0/16");
        var email = await BeheerSession.AddUserAsync(Database, "beheerder");

        var secure = await SignInThroughProxyAsync(trusted.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false }), email);
        var plain = await SignInThroughProxyAsync(elsewhere.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false }), email);

        Assert.Contains("secure", secure, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", plain, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_proxy_that_is_no_address_stops_the_start_with_a_message_naming_the_setting()
    {
        using var factory = Factory.WithWebHostBuilder(b => b.UseSetting("ForwardedHeaders:KnownProxies:0", "proxy.example.nl"));

        var error = Assert.ThrowsAny<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("ForwardedHeaders:KnownProxies:0: 'proxy.example.nl' is geen IP-adres", error.Message);
    }

    // ---------- /health ----------

    [Fact]
    public async Task Health_answers_200_Healthy_without_cookies_or_caching_and_503_while_the_database_is_away()
    {
        var healthy = await Client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal("Healthy", await healthy.Content.ReadAsStringAsync());
        Assert.False(healthy.Headers.Contains("Set-Cookie"));
        Assert.Contains("no-store", healthy.Headers.CacheControl!.ToString());

        await using (await TakeDatabaseAwayAsync())
        {
            var away = await Client.GetAsync("/health");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, away.StatusCode);
            Assert.Equal("Unhealthy", await away.Content.ReadAsStringAsync());
        }

        var back = await Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    // ---------- log level ----------

    [Fact]
    public async Task In_production_a_request_and_its_SQL_commands_write_no_log_line_unless_the_configuration_asks_for_them()
    {
        var quiet = new CapturedLog();
        using (var factory = Factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(quiet))))
        {
            var client = factory.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/regions/drenthe/summary")).StatusCode);
        }

        var chatty = new CapturedLog();
        using (var factory = Factory.WithWebHostBuilder(b => b
            .UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Information")
            .UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Information")
            .ConfigureLogging(l => l.AddProvider(chatty))))
        {
            Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/api/v1/regions/drenthe/summary")).StatusCode);
        }

        Assert.DoesNotContain(quiet.Lines, l => l.Contains("Request starting", StringComparison.Ordinal));
        Assert.DoesNotContain(quiet.Lines, l => l.Contains("Executed DbCommand", StringComparison.Ordinal));
        Assert.DoesNotContain(quiet.Lines, l => l.StartsWith("Microsoft.AspNetCore.Hosting", StringComparison.Ordinal) || l.StartsWith("Microsoft.EntityFrameworkCore.Database", StringComparison.Ordinal));
        Assert.Contains(chatty.Lines, l => l.Contains("Request starting", StringComparison.Ordinal));
        Assert.Contains(chatty.Lines, l => l.Contains("Executed DbCommand", StringComparison.Ordinal));
    }

    // ---------- data-protection keys ----------

    [Fact]
    public async Task The_sign_in_keys_are_kept_in_the_database_not_in_a_backup_and_survive_a_restore()
    {
        await BeheerSession.SignInAsync(Client, Database, "beheerder");
        List<int> keys;
        await using (var db = Database.CreateContext())
        {
            keys = await db.DataProtectionKeys.Select(k => k.Id).ToListAsync();
            Assert.NotEmpty(keys);
            Assert.All(await db.DataProtectionKeys.ToListAsync(), k => Assert.Contains("<key id=", k.Xml));
            Assert.DoesNotContain(await db.AuditEntries.Select(a => a.TableName).Distinct().ToListAsync(), t => t == "data_protection_keys");
        }

        var path = Path.Combine(Path.GetTempPath(), $"backup-{Guid.NewGuid():N}.zip");
        try
        {
            var backup = await Database.RunAsync("backup", path);
            Assert.True(backup.Code == 0, backup.Error);
            using (var zip = ZipFile.OpenRead(path))
            {
                Assert.Contains(zip.Entries, e => e.FullName == "tables/projects.jsonl");
                Assert.DoesNotContain(zip.Entries, e => e.FullName.Contains("data_protection", StringComparison.Ordinal));
            }

            var restore = await Database.RunAsync("restore", path, "--force");

            Assert.True(restore.Code == 0, restore.Error);
            await using var after = Database.CreateContext();
            Assert.Equal(keys, await after.DataProtectionKeys.Select(k => k.Id).OrderBy(k => k).ToListAsync());
            Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/beheer")).StatusCode);
        }
        finally
        {
            File.Delete(path);
        }
    }

    // ---------- escalation reminder ----------

    [Fact]
    public async Task Six_reminder_runs_at_the_same_moment_record_each_reminder_once()
    {
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await ImpasseWithDeadlineAsync(new DateOnly(2099, 6, 30)));
        }

        var runs = Enumerable.Range(0, 6).Select(async _ =>
        {
            await Task.Yield();
            await using var db = Database.CreateContext();
            return await new EscalationService(db).SendRemindersAsync(new DateOnly(2099, 6, 25), 7, TestClock.Start);
        }).ToList();
        var results = await Task.WhenAll(runs);

        await using var check = Database.CreateContext();
        foreach (var id in ids)
        {
            Assert.Equal(1, await check.EscalationEvents.CountAsync(e => e.ImpasseId == id && e.Kind == EscalationEventKind.ReminderSent));
        }

        Assert.Equal(3, results.SelectMany(r => r).Count(r => ids.Contains(r.Impasse.Id)));
    }

    // ---------- helpers ----------

    /// <summary>A host whose requests all arrive from <see cref="Proxy"/>, trusting the given proxy or network (or none).</summary>
    private WebApplicationFactory<Program> BehindProxy(string? proxy = null, string? network = null) =>
        Factory.WithWebHostBuilder(b =>
        {
            if (proxy is not null)
            {
                b.UseSetting("ForwardedHeaders:KnownProxies:0", proxy);
            }

            if (network is not null)
            {
                b.UseSetting("ForwardedHeaders:KnownNetworks", network);
            }

            b.ConfigureServices(s => s.AddSingleton<IStartupFilter, ArrivesFromProxy>());
        });

    /// <summary>Signs in as a browser behind a TLS proxy would, handling the cookies by hand; returns the session cookie's Set-Cookie header.</summary>
    private static async Task<string> SignInThroughProxyAsync(HttpClient client, string email)
    {
        using var page = ThroughProxy(new HttpRequestMessage(HttpMethod.Get, "/inloggen"), "203.0.113.30");
        var form = await client.SendAsync(page);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var formCookie = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("resmonitor_formulier=", StringComparison.Ordinal));
        var token = BeheerSession.TokenIn(await form.Content.ReadAsStringAsync());

        using var post = ThroughProxy(new HttpRequestMessage(HttpMethod.Post, "/inloggen")
        {
            Content = BeheerSession.Form(token, new() { ["Email"] = email, ["Password"] = "beheer-formulier-2030" }),
        }, "203.0.113.30");
        post.Headers.Add("Cookie", formCookie.Split(';')[0]);
        var signedIn = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("resmonitor_sessie=", StringComparison.Ordinal));
    }

    private static Task<HttpResponseMessage> LoginPostFromAsync(HttpClient client, string address) =>
        client.SendAsync(ThroughProxy(new HttpRequestMessage(HttpMethod.Post, "/inloggen") { Content = new FormUrlEncodedContent([]) }, address));

    private static HttpRequestMessage ThroughProxy(HttpRequestMessage request, string clientAddress)
    {
        request.Headers.Add("X-Forwarded-For", clientAddress);
        request.Headers.Add("X-Forwarded-Proto", "https");
        return request;
    }

    /// <summary>The test server has no connection address; a proxy on the same machine gives 127.0.0.1.</summary>
    private sealed class ArrivesFromProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(Proxy);
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private async Task<long> ImpasseWithDeadlineAsync(DateOnly deadline)
    {
        await using var db = Database.CreateContext();
        var impasse = new Impasse
        {
            RegionId = "drenthe", Title = "Herinneringstest " + Guid.NewGuid().ToString("N")[..8], OpenedOn = new DateOnly(2099, 6, 1),
            OpeningTrigger = EscalationTrigger.InsufficientSupport, RecordedBy = "test", RecordedAt = TestClock.Start,
        };
        var (opened, problems) = await new EscalationService(db).OpenAsync(impasse, new DateOnly(2099, 6, 1));
        Assert.Empty(problems);
        var step = await new EscalationService(db).StartStepAsync(opened!,
            new StepRequest(1, null, null, "Werkbureau", "Een oplossing zoeken", new DateOnly(2099, 6, 2), deadline, null, null), "test", TestClock.Start);
        Assert.True(step.Succeeded, string.Join("; ", step.Problems));
        return opened!.Id;
    }

    /// <summary>Makes the database unreachable for the site until the result is disposed.</summary>
    private async Task<IAsyncDisposable> TakeDatabaseAwayAsync()
    {
        if (Database.Parsed.SqlitePath is { } file)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Move(file, file + ".weg");
            return new Restore(() =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                File.Move(file + ".weg", file, overwrite: true);
                return Task.CompletedTask;
            });
        }

        var name = new NpgsqlConnectionStringBuilder(Database.Parsed.ConnectionString).Database!;
        await AdminAsync($"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid();");
        NpgsqlConnection.ClearAllPools();
        return new Restore(() => AdminAsync($"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS true"));

        static async Task AdminAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("RESMONITOR_TEST_POSTGRES"));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private sealed class Restore(Func<Task> undo) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await undo();
    }

    /// <summary>Every log line the host writes, as "category: message".</summary>
    private sealed class CapturedLog : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyCollection<string> Lines => _lines;

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{category}: {formatter(state, exception)}");
        }
    }
}

public sealed class SqliteInstanceTests(SqliteDatabase database) : InstanceTests<SqliteDatabase>(database);

public sealed class PostgresInstanceTests(PostgresDatabase database) : InstanceTests<PostgresDatabase>(database);
