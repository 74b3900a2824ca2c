using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ResMonitor.Web.Tests;

/// <summary>The monitor's web host on a test database.</summary>
public sealed class MonitorFactory(TestDatabase database) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("database", database.Setting);
        builder.UseEnvironment("Production");
    }
}
