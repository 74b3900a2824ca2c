using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using Microsoft.AspNetCore.Builder;
using ResMonitor.Web;

namespace ResMonitor.Browser.Tests;

/// <summary>
/// The real monitor on Kestrel (a fresh SQLite database, seeded on first start) and Debian's Chromium, driven by
/// Playwright. Nothing is downloaded: the browser is /usr/bin/chromium (./test.sh installs it).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("resmonitor-browser-").FullName;
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The database setting of the running monitor, for `resmonitor` commands in tests.</summary>
    public string Database => $"sqlite:{Path.Combine(_folder, "browser.db")}";

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        BaseUrl = $"http://127.0.0.1:{FreePort()}";
        _app = WebApp.Build(["--urls", BaseUrl, "--database", Database]);
        await _app.StartAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> OpenAsync(string path, int width = 1280, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 }, JavaScriptEnabled = javaScript, Locale = "nl-NL" });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(BaseUrl + path);
        Assert.True(response?.Ok, $"{path} answered {response?.Status}");
        return page;
    }

    private static readonly SemaphoreSlim UsersOnce = new(1, 1);

    /// <summary>Creates the account through `resmonitor user add` unless it exists; options as on the command line.</summary>
    public async Task EnsureUserAsync(string email, string password, params string[] options)
    {
        await UsersOnce.WaitAsync();
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var cli = new ResMonitor.Cli.CliApp(output, error, TimeProvider.System) { Input = new StringReader(""), Variables = _ => null };
            await cli.RunAsync(["--database", Database, "user", "list"]);
            if (output.ToString().Contains(email, StringComparison.Ordinal))
            {
                return;
            }

            cli = new ResMonitor.Cli.CliApp(output, error, TimeProvider.System) { Input = new StringReader(password + "\n"), Variables = _ => null };
            var code = await cli.RunAsync(["--database", Database, "user", "add", email, .. options]);
            Assert.True(code == 0, error.ToString());
        }
        finally
        {
            UsersOnce.Release();
        }
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
