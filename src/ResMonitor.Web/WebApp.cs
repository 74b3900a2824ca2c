using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;
using ResMonitor.Web.Features.Accounts;
using ResMonitor.Web.Features.Charts;
using ResMonitor.Web.Features.Forecast;
using ResMonitor.Web.Features.Governance;
using ResMonitor.Web.Features.Grid;
using ResMonitor.Web.Features.National;
using ResMonitor.Web.Features.OpenData;
using ResMonitor.Web.Features.Projects;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Features.Register;
using ResMonitor.Web.Features.Signals;
using ResMonitor.Web.Infrastructure;

namespace ResMonitor.Web;

/// <summary>The monitor's web host. Reads like a table of contents: services, then the pipeline, then the features.</summary>
public static class WebApp
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <param name="clock">The clock of every page and service; the system clock when not given (tests give a fixed one).</param>
    public static WebApplication Build(string[] args, TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(WebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.WebHost.UseUrls(builder.Configuration["urls"] ?? DefaultUrls);
        QuietFrameworkLogs(builder);
        builder.AddProductionHeaders();

        // The same setting as the command line: --database, else RESMONITOR_DATABASE, else the SQLite default.
        // Resolved when first needed, so that a test host can set "database" in its configuration.
        builder.Services.AddSingleton(sp => DatabaseSetting.FromEnvironment(sp.GetRequiredService<IConfiguration>()["database"]));
        builder.Services.AddDbContext<ResMonitorDbContext>((sp, options) => sp.GetRequiredService<DatabaseSetting>().Configure(options));
        builder.Services.AddSingleton(clock ?? TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<Language>();
        builder.Services.AddMemoryCache();
        builder.Services.AddHostedService<DatabaseStartup>();
        builder.Services.AddSharedKeys();
        builder.Services.AddHealth();
        builder.Services.AddDatabaseOutage();
        builder.Services.AddIdleMemory();

        // The features, each in src/ResMonitor.Web/Features/<Feature>/ with its domain in src/ResMonitor.Core/<Feature>/.
        builder.Services
            .AddRegister()
            .AddRegions()
            .AddPublicPageCache()
            .AddAccounts()
            .AddProjects()
            .AddGrid()
            .AddSignals()
            .AddForecast()
            .AddGovernance();
        builder.Services.AddApiRateLimit(builder.Configuration);

        builder.Services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.Add(new RegionRouteConvention());
            })
            .AddMvcOptions(o =>
            {
                o.Filters.Add<UnknownRegionFilter>();
                o.Filters.Add<FormTextFilter>();
            });
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.WriteIndented = false;
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        });

        var app = builder.Build();

        app.UseProxyHeaders(app.Configuration);
        app.UseIdleMemory();
        app.UseProductionHeaders();
        app.UseExceptionHandler("/fout");
        app.UseStatusCodePagesWithReExecute("/fout/{0}");
        app.UseDatabaseOutage();
        app.UseMiddleware<SecurityHeaders>();
        // Static files are compressed here; pages are compressed inside the output cache (UsePublicPageCache), and
        // this outer layer leaves an answer that already has a Content-Encoding alone.
        app.UseResponseCompression();
        app.UseStaticFiles(StaticFileCaching.Options());
        app.UseLanguageParameterCheck();
        app.UseRouting();
        app.UseAccounts();
        app.UseEditorRegion();
        app.UsePublicPageCache();
        // Every write through the site or the API is logged under the signed-in user (see ResMonitor.Core.Audit).
        app.Use((context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            {
                context.RequestServices.GetRequiredService<ResMonitorDbContext>().Actor = new ResMonitor.Core.Audit.AuditActor(
                    context.User.Identity?.Name ?? "anoniem",
                    context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) ? "api" : "web",
                    RegionId: context.RequestServices.GetRequiredService<ResMonitor.Web.Features.Regions.CurrentRegion>().Editing);
            }

            return next(context);
        });

        app.MapHealth();
        app.MapOpenApi();
        app.MapLanguageSwitch();
        app.MapRegions();
        app.MapNational();
        app.MapCharts();
        app.MapTimelineCalendar();
        app.MapOpenData();
        app.MapForecast();
        app.MapSignals();
        app.MapGrid();
        app.MapProjects();
        app.MapRazorPages();

        app.Logger.LogInformation("ResMonitor gebruikt {Database}.", app.Services.GetRequiredService<DatabaseSetting>());
        return app;
    }

    /// <summary>
    /// Framework chatter (a line for every request and every SQL command) costs half the throughput and fills the
    /// log: Microsoft.AspNetCore and Microsoft.EntityFrameworkCore log warnings and errors only, in every environment.
    /// A level set in the configuration for the same category wins (e.g.
    /// <c>--Logging:LogLevel:Microsoft.AspNetCore=Information</c>); a filter added in code would otherwise override it.
    /// </summary>
    private static void QuietFrameworkLogs(WebApplicationBuilder builder)
    {
        foreach (var category in (string[])["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore"])
        {
            if (string.IsNullOrEmpty(builder.Configuration[$"Logging:LogLevel:{category}"]))
            {
                builder.Logging.AddFilter(category, LogLevel.Warning);
            }
        }
    }
}
