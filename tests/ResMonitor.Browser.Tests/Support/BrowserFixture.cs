using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using ResMonitor.Web;

namespace ResMonitor.Browser.Tests;

/// <summary>
/// The real monitor on Kestrel (a fresh SQLite database, seeded on first start) on a fake clock
/// (<see cref="ResMonitor.Web.Tests.TestClock"/>), and Debian's Chromium, driven by Playwright. Nothing is downloaded:
/// the browser is /usr/bin/chromium (./test.sh installs it). One Chromium serves every test class that runs at the same
/// time; each class has its own monitor and closes the browser contexts it opened.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly SemaphoreSlim Sharing = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;
    private static int _users;

    private readonly string _folder = Directory.CreateTempSubdirectory("resmonitor-browser-").FullName;
    private readonly List<IBrowserContext> _contexts = [];
    private WebApplication? _app;

    /// <summary>The clock of the monitor and of the `resmonitor` commands in tests.</summary>
    public TimeProvider Clock { get; } = ResMonitor.Web.Tests.TestClock.Create();

    public string BaseUrl { get; private set; } = "";

    /// <summary>The database setting of the running monitor, for `resmonitor` commands in tests.</summary>
    public string Database => $"sqlite:{Path.Combine(_folder, "browser.db")}";

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        BaseUrl = $"http://127.0.0.1:{FreePort()}";
        // The example projects only, as the tests' figures expect; the real projects have their own tests.
        _app = WebApp.Build(["--urls", BaseUrl, "--database", Database, "--Seed:Examples=true", "--Seed:Projects=false"], Clock);
        await _app.StartAsync();
        Browser = await AcquireBrowserAsync();
    }

    public async Task<IPage> OpenAsync(string path, int width = 1280, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 }, JavaScriptEnabled = javaScript, Locale = "nl-NL" });
        lock (_contexts)
        {
            _contexts.Add(context);
        }

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
            var cli = new ResMonitor.Cli.CliApp(output, error, Clock) { Input = new StringReader(""), Variables = _ => null };
            await cli.RunAsync(["--database", Database, "user", "list"]);
            if (output.ToString().Contains(email, StringComparison.Ordinal))
            {
                return;
            }

            cli = new ResMonitor.Cli.CliApp(output, error, Clock) { Input = new StringReader(password + "\n"), Variables = _ => null };
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
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        await ReleaseBrowserAsync();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Starts Chromium for the first class that needs it; later classes share it.</summary>
    private static async Task<IBrowser> AcquireBrowserAsync()
    {
        await Sharing.WaitAsync();
        try
        {
            if (_browser is null)
            {
                _playwright = await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new()
                {
                    ExecutablePath = "/usr/bin/chromium",
                    Headless = true,
                    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
                });
            }

            _users++;
            return _browser;
        }
        finally
        {
            Sharing.Release();
        }
    }

    /// <summary>Closes Chromium when the last class using it is done.</summary>
    private static async Task ReleaseBrowserAsync()
    {
        await Sharing.WaitAsync();
        try
        {
            if (--_users == 0 && _browser is not null)
            {
                await _browser.CloseAsync();
                _playwright?.Dispose();
                (_browser, _playwright) = (null, null);
            }
        }
        finally
        {
            Sharing.Release();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
