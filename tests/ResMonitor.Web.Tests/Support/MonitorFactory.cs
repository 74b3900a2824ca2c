using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ResMonitor.Web.Tests;

/// <summary>
/// The monitor's web host on a test database, on the database's fake clock (<see cref="TestDatabase.Clock"/>). Every
/// client it creates comes from its own loopback address, as if each were another visitor's machine, so that tests
/// sharing one host do not share the per-address login rate limit.
/// </summary>
public sealed class MonitorFactory(TestDatabase database) : WebApplicationFactory<Program>
{
    /// <summary>The request header that carries a client's address into the test host (see <see cref="ConfigureClient"/>).</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    private static int _clients;

    static MonitorFactory()
    {
        // Many short-lived hosts each watch appsettings and wwwroot; with inotify they can exhaust the per-user
        // limit of 128 instances before the released watchers are collected. Polling needs no inotify.
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    /// <summary>The clock the host reads: the database's, shared with its command line.</summary>
    public FakeTimeProvider Clock => database.Clock;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("database", database.Setting);
        builder.UseEnvironment("Production");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(database.Clock);
            services.AddTransient<IStartupFilter, ClientAddressFilter>();
        });
    }

    /// <summary>Each client gets the next address in 127.0.0.0/8 (loopback, so a trusted proxy by default).</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        var n = Interlocked.Increment(ref _clients);
        client.DefaultRequestHeaders.Add(ClientAddressHeader, $"127.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}");
    }

    /// <summary>Sets the connection's remote address from <see cref="ClientAddressHeader"/>, before anything else runs.</summary>
    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Request.Headers.TryGetValue(ClientAddressHeader, out var value) && IPAddress.TryParse(value, out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return following(context);
            });
            next(app);
        };
    }
}
