using Microsoft.AspNetCore.StaticFiles;

namespace ResMonitor.Web.Infrastructure;

/// <summary>
/// Cache headers for static files. The pages link /lib and /css with asp-append-version, so such a URL carries a
/// hash of the file (?v=...) and changes whenever the file does: a browser may keep it for a year without asking
/// again. Any other static file keeps the default revalidation by ETag and Last-Modified.
/// </summary>
internal static class StaticFileCaching
{
    public const string Immutable = "public, max-age=31536000, immutable";

    public static StaticFileOptions Options() => new() { OnPrepareResponse = Apply };

    private static void Apply(StaticFileResponseContext context)
    {
        var request = context.Context.Request;
        if ((request.Path.StartsWithSegments("/lib") || request.Path.StartsWithSegments("/css")) && request.Query.ContainsKey("v"))
        {
            context.Context.Response.Headers.CacheControl = Immutable;
        }
    }
}
