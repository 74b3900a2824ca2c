namespace ResMonitor.Web.Infrastructure;

/// <summary>
/// The headers a production site needs besides <see cref="SecurityHeaders"/>: HSTS over HTTPS (never over plain HTTP,
/// so a localhost install keeps working), no <c>Server</c> header, and <c>Cache-Control: no-store</c> on everything
/// answered to a signed-in user and on the editors' and sign-in addresses, so that no browser or proxy keeps a page or
/// an editable state. Anonymous public answers keep their own caching (see Features/Register/PublicPageCache.cs).
/// </summary>
public static class ProductionHeaders
{
    /// <summary>How long a browser keeps to HTTPS after one visit over HTTPS.</summary>
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    /// <summary>Addresses that are never kept, whoever asks: the editors' pages and API, sign-in and sign-out.</summary>
    private static readonly string[] NoStorePaths = ["/beheer", "/account", "/inloggen", "/uitloggen", "/api/v1/projects", "/api/v1/antiforgery"];

    public static WebApplicationBuilder AddProductionHeaders(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = HstsMaxAge;
            // The site may live on a subdomain of a municipality's or province's domain: their other hosts are not ours.
            o.IncludeSubDomains = false;
            o.Preload = false;
        });
        return builder;
    }

    /// <summary>HSTS (HTTPS only) and no-store; after the forwarded headers, so that the scheme is the client's.</summary>
    public static IApplicationBuilder UseProductionHeaders(this IApplicationBuilder app)
    {
        app.UseHsts();
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var http = (HttpContext)state;
                if (http.User.Identity?.IsAuthenticated == true
                    || NoStorePaths.Any(p => http.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
                {
                    http.Response.Headers.CacheControl = "no-store";
                    http.Response.Headers.Pragma = "no-cache";
                    http.Response.Headers.Expires = "0";
                }

                return Task.CompletedTask;
            }, context);
            return next(context);
        });
        return app;
    }
}
