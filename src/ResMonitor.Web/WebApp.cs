using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;
using ResMonitor.Web.Accounts;
using ResMonitor.Web.Infrastructure;
using ResMonitor.Web.Register;
using ResMonitor.Web.Regions;

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

        // The same setting as the command line: --database, else RESMONITOR_DATABASE, else the SQLite default.
        // Resolved when first needed, so that a test host can set "database" in its configuration.
        builder.Services.AddSingleton(sp => DatabaseSetting.FromEnvironment(sp.GetRequiredService<IConfiguration>()["database"]));
        builder.Services.AddDbContext<ResMonitorDbContext>((sp, options) => sp.GetRequiredService<DatabaseSetting>().Configure(options));
        builder.Services.AddSingleton(clock ?? TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<Language>();
        builder.Services.AddMemoryCache();
        builder.Services.AddRegister();
        builder.Services.AddCurrentRegion();
        builder.Services.AddPublicPageCache();
        builder.Services.AddScoped<ResMonitor.Core.Grid.CongestionService>();
        builder.Services.AddOptions<ResMonitor.Core.Signals.SignalOptions>().BindConfiguration("Signals")
            .Validate(o => o.Problems().Count == 0, "De instellingen onder 'Signals' kloppen niet.").ValidateOnStart();
        builder.Services.AddSingleton<Forecast.ForecastCache>();
        builder.Services.AddHostedService<DatabaseStartup>();
        builder.Services.AddSharedKeys();
        builder.Services.AddHealth();
        builder.Services.AddAccounts();
        ResMonitor.Web.Governance.EscalationSetup.AddEscalation(builder.Services);
        ResMonitor.Web.Editing.ProjectsWriteApi.AddEditing(builder.Services);

        builder.Services.AddRazorPages(o => o.Conventions.Add(new RegionRouteConvention()))
            .AddMvcOptions(o =>
            {
                o.Filters.Add<UnknownRegionFilter>();
                o.Filters.Add<Infrastructure.FormTextFilter>();
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
        app.UseExceptionHandler("/fout");
        app.UseStatusCodePagesWithReExecute("/fout/{0}");
        app.UseMiddleware<SecurityHeaders>();
        // Static files are compressed here; pages are compressed inside the output cache (UsePublicPageCache), and
        // this outer layer leaves an answer that already has a Content-Encoding alone.
        app.UseResponseCompression();
        app.UseStaticFiles(StaticFileCaching.Options());
        app.UseLanguageParameterCheck();
        app.UseRouting();
        app.UseAccounts();
        app.UsePublicPageCache();
        // Every write through the site or the API is logged under the signed-in user (see ResMonitor.Core.Audit).
        app.Use((context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            {
                context.RequestServices.GetRequiredService<ResMonitorDbContext>().Actor = new ResMonitor.Core.Audit.AuditActor(
                    context.User.Identity?.Name ?? "anoniem",
                    context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) ? "api" : "web");
            }

            return next(context);
        });

        app.MapHealth();
        app.MapOpenApi();
        app.MapRegionsApi();
        app.MapCharts();
        app.MapLanguageSwitch();
        app.MapOpenData();
        ResMonitor.Web.Editing.ProjectsWriteApi.MapEditingApi(app);
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
