using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ResMonitor.Web.Tests;

/// <summary>The monitor's web host on a test database.</summary>
public sealed class MonitorFactory(TestDatabase database) : WebApplicationFactory<Program>
{
    static MonitorFactory()
    {
        // Hundreds of short-lived hosts each watch appsettings and wwwroot; with inotify they can exhaust the
        // per-user limit of 128 instances before the released watchers are collected. Polling needs no inotify.
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("database", database.Setting);
        builder.UseEnvironment("Production");
    }
}
