using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ResMonitor.Web.Infrastructure;

/// <summary>
/// A limit per client address on the API as a whole (every address under <c>/api</c>): <c>Api:RateLimit:PermitLimit</c>
/// requests (default 300) per <c>Api:RateLimit:Window</c> (default one minute), a fixed window per address; 0 lifts
/// the limit. Over it the API answers 429 with <c>Retry-After</c> and a Dutch problem. The address is the connection's,
/// or the one a configured proxy forwarded (see <see cref="ProxyHeaders"/>). Chained after the login form's limit.
/// </summary>
public static class ApiRateLimit
{
    public const string Section = "Api:RateLimit";

    public const int DefaultPermitLimit = 300;

    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(1);

    /// <summary>Reads the setting; a value that is no number or time span stops the start with a message naming it.</summary>
    public static (int PermitLimit, TimeSpan Window) Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var limit = DefaultPermitLimit;
        if (section["PermitLimit"] is { Length: > 0 } text
            && !(int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit >= 0))
        {
            throw new InvalidOperationException($"{Section}:PermitLimit: '{text}' moet een heel getal van 0 of meer zijn (0: geen limiet).");
        }

        var window = DefaultWindow;
        if (section["Window"] is { Length: > 0 } span
            && !(TimeSpan.TryParse(span, CultureInfo.InvariantCulture, out window) && window >= TimeSpan.FromSeconds(1)))
        {
            throw new InvalidOperationException($"{Section}:Window: '{span}' moet een tijdsduur van minstens een seconde zijn (bijvoorbeeld 00:01:00).");
        }

        return (limit, window);
    }

    public static IServiceCollection AddApiRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var (limit, window) = Read(configuration);
        if (limit == 0)
        {
            return services;
        }

        var api = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    ProxyHeaders.ClientKey(context),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = window, QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter(""));

        // After the other limits (the login form's): chained to them, and their rejection stays theirs.
        services.PostConfigure<RateLimiterOptions>(o =>
        {
            o.GlobalLimiter = o.GlobalLimiter is { } other ? PartitionedRateLimiter.CreateChained(other, api) : api;
            var otherRejected = o.OnRejected;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                if (!http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    if (otherRejected is not null)
                    {
                        await otherRejected(context, ct);
                    }

                    return;
                }

                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : (int)Math.Ceiling(window.TotalSeconds);
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Te veel verzoeken",
                    detail: $"Vanaf uw adres kwamen meer dan {limit} verzoeken aan de API binnen {Describe(window)}. Probeer het over {seconds} seconden opnieuw.")
                    .ExecuteAsync(http);
            };
        });
        return services;
    }

    private static string Describe(TimeSpan window) =>
        window == TimeSpan.FromMinutes(1) ? "een minuut"
        : window.TotalSeconds < 120 ? $"{window.TotalSeconds:0} seconden"
        : $"{window.TotalMinutes:0} minuten";
}
