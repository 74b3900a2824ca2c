namespace ResMonitor.Web.Infrastructure;

/// <summary>
/// The language switch is a plain link: `/taal?naar=en&amp;terug=/kaart` remembers the choice in a cookie and goes back
/// to the page the reader came from. `?lang=en` on any page shows that page in English without remembering it.
/// </summary>
public static class LanguageSwitch
{
    private static readonly string[] Codes = ["nl", "en"];

    public static IEndpointConventionBuilder MapLanguageSwitch(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/taal", (HttpContext context, string? naar, string? terug) =>
        {
            if (naar is null || !Codes.Contains(naar))
            {
                return BadQuery.Page(context, "naar", "De parameter 'naar' moet 'nl' of 'en' zijn.", "The parameter 'naar' must be 'nl' or 'en'.");
            }

            context.Response.Cookies.Append(Language.Cookie, naar, new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                MaxAge = TimeSpan.FromDays(365),
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
            });
            return Results.LocalRedirect(IsLocal(terug) ? terug! : "/");
        }).ExcludeFromDescription();

    /// <summary>Refuses `?lang=` values other than nl and en with a 400 page instead of silently ignoring them.</summary>
    public static IApplicationBuilder UseLanguageParameterCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Query.TryGetValue("lang", out var value) && !Codes.Contains(value.ToString()))
            {
                await BadQuery.Page(context, "lang", "De parameter 'lang' moet 'nl' of 'en' zijn.", "The parameter 'lang' must be 'nl' or 'en'.").ExecuteAsync(context);
                return;
            }

            await next(context);
        });

    // Only paths on this site: "/kaart", not "//evil.example" or "/\evil.example".
    private static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}

/// <summary>
/// A malformed query parameter: 400 with an explanation that names the parameter. Pages get the Dutch error page
/// (through the status code page, which reads the reason from here); the API answers with ProblemDetails.
/// </summary>
public static class BadQuery
{
    private const string Key = "rm-bad-query";

    public sealed record Reason(string Parameter, string Dutch, string English);

    public static IResult Page(HttpContext context, string parameter, string dutch, string english)
    {
        Remember(context, parameter, dutch, english);
        return Results.StatusCode(StatusCodes.Status400BadRequest);
    }

    /// <summary>Keeps the reason for the error page that the status code re-executes.</summary>
    public static void Remember(HttpContext context, string parameter, string dutch, string english) =>
        context.Items[Key] = new Reason(parameter, dutch, english);

    public static Reason? Find(HttpContext context) => context.Items.TryGetValue(Key, out var value) ? value as Reason : null;
}
