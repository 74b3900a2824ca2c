using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Data;
using ResMonitor.Web.Features.Accounts;

namespace ResMonitor.Web.Features.Regions;

/// <summary>
/// The region the editors' pages work in (docs/decisions/0021): a region's werkbureau and its partners' editors always
/// work in their own region; a national user works in the region chosen on /beheer (a cookie), else in the instance's
/// default region.
/// </summary>
public static class EditorRegion
{
    public const string CookieName = "resmonitor_beheerregio";

    public static IApplicationBuilder UseEditorRegion(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true && IsEditorRequest(context.Request))
        {
            var region = context.Region();
            region.Editing = context.User.RegionOf() ?? await ChosenAsync(context);
        }

        await next(context);
    });

    /// <summary>The editors' pages and the API's writes.</summary>
    public static bool IsEditorRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/beheer", StringComparison.OrdinalIgnoreCase)
        || (request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method));

    /// <summary>A national user's choice, when it names a region in the register.</summary>
    private static async Task<string?> ChosenAsync(HttpContext context)
    {
        if (context.Request.Cookies[CookieName] is not { Length: > 0 and <= 64 } chosen)
        {
            return null;
        }

        var db = context.RequestServices.GetRequiredService<ResMonitorDbContext>();
        return await db.Regions.AsNoTracking().AnyAsync(r => r.Id == chosen, context.RequestAborted) ? chosen : null;
    }

    /// <summary>Remembers a national user's choice for this browser session.</summary>
    public static void Choose(HttpResponse response, string regionId) =>
        response.Cookies.Append(CookieName, regionId, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = response.HttpContext.Request.IsHttps,
            IsEssential = true,
            Path = "/",
        });
}
