using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Primitives;

namespace ResMonitor.Web.Features.Register;

/// <summary>
/// Fast public pages: anonymous GETs of the public pages, the API, the charts' CSV and the downloads are kept as
/// answered (compressed, see <see cref="AddPublicPageCache"/>) until the register version moves on; signed-in users,
/// /beheer, /account, sign-in and answers that set a cookie are never kept. Varied by the whole query string, the
/// language (cookie or ?lang) and Accept-Encoding.
/// </summary>
public sealed class PublicPageCachePolicy : IOutputCachePolicy
{
    public const string Tag = "register";

    /// <summary>Addresses that are never kept: the editors' pages, accounts, the language switch and the error pages.</summary>
    private static readonly string[] Excluded = ["/beheer", "/account", "/inloggen", "/uitloggen", "/taal", "/fout", "/openapi"];

    /// <summary>How long an answer is kept at most, even without a write (a new day changes "today").</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && context.HttpContext.User.Identity?.IsAuthenticated != true
            && request.Headers.Authorization.Count == 0
            && !Excluded.Any(prefix => request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = MaxAge;
        context.Tags.Add(Tag);
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.HeaderNames = new StringValues(["Accept-Encoding"]);
        // The version and the day are part of the key: an answer computed from an older register is never served again,
        // even when it is stored just after the eviction.
        var services = context.HttpContext.RequestServices;
        context.CacheVaryByRules.VaryByValues["register"] = services.GetRequiredService<RegisterVersion>().Current.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.CacheVaryByRules.VaryByValues["day"] = History.Peildatum.Text(History.Peildatum.Today(services.GetRequiredService<TimeProvider>()));
        // While the database is away the pages carry a notice (figures possibly out of date): kept apart from the others.
        context.CacheVaryByRules.VaryByValues["database"] = services.GetRequiredService<Infrastructure.DatabaseStatus>().Available ? "" : "weg";
        context.CacheVaryByRules.VaryByValues["lang"] = request.Query["lang"].ToString() is { Length: > 0 } query
            ? query
            : request.Cookies[Infrastructure.Language.Cookie] ?? "";
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}

public static class PublicPageCache
{
    /// <summary>The media types that are compressed: pages, styles, scripts, JSON, CSV, GeoJSON and SVG.</summary>
    public static readonly string[] CompressedTypes =
    [
        "text/html", "text/css", "text/javascript", "application/javascript", "text/csv", "application/json",
        "application/problem+json", "application/geo+json", "image/svg+xml", "text/plain", "application/xml", "application/rdf+xml",
    ];

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services)
    {
        services.AddOutputCache(o =>
        {
            o.AddBasePolicy(new PublicPageCachePolicy());
            o.SizeLimit = 256L * 1024 * 1024;
            o.MaximumBodySize = 16L * 1024 * 1024;
        });
        // The cache sits outside the compression, so that what it keeps is already compressed: the cost is paid once.
        services.AddResponseCompression(o =>
        {
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = CompressedTypes;
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>The cache, then the compression; kept answers are dropped as soon as the register version moves on.</summary>
    public static WebApplication UsePublicPageCache(this WebApplication app)
    {
        var store = app.Services.GetRequiredService<IOutputCacheStore>();
        app.Services.GetRequiredService<RegisterVersion>().Changed += version =>
        {
            // Only frees memory: the version is part of every key, so an older answer is never served again anyway.
            var eviction = store.EvictByTagAsync(PublicPageCachePolicy.Tag, CancellationToken.None);
            if (!eviction.IsCompletedSuccessfully)
            {
                eviction.AsTask().ContinueWith(t => t.Exception, TaskScheduler.Default);
            }
        };
        app.UseOutputCache();
        app.UseResponseCompression();
        return app;
    }
}
