using System.Threading.RateLimiting;
using ResMonitor.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using ResMonitor.Core.Accounts;
using ResMonitor.Core.Data;

namespace ResMonitor.Web.Features.Accounts;

/// <summary>
/// Sign-in for the werkbureau and the partners' editors (see docs/decisions/0004-accounts.md): Identity's cookie,
/// growing delays after failed sign-ins (no lockout), a rate limit on the login form, three policies, and no anonymous writes to the API. The public site
/// stays anonymous: nothing here sets a cookie for a visitor who does not sign in.
/// </summary>
public static class AccountsFeature
{
    public const string LoginPath = "/inloggen";

    /// <summary>Login attempts per client address per minute, on top of the delays per address and client (LoginThrottle).</summary>
    public const int LoginAttemptsPerMinute = 10;

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddIdentity<User, IdentityRole>(AccountRules.Configure)
            .AddEntityFrameworkStores<ResMonitorDbContext>()
            .AddErrorDescriber<DutchIdentityErrors>()
            .AddClaimsPrincipalFactory<RegionClaimsFactory>();
        services.AddScoped<AccountService>();
        services.AddSingleton<LoginThrottle>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "resmonitor_sessie";
            o.Cookie.HttpOnly = true;
            // Secure whenever the site is served over HTTPS; a plain-HTTP localhost install still works.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromHours(2);
            o.SlidingExpiration = true;
            o.LoginPath = LoginPath;
            o.LogoutPath = "/uitloggen";
            o.AccessDeniedPath = "/fout/403";
            o.ReturnUrlParameter = "terug";
            // The API answers 401/403 itself instead of redirecting to a form.
            o.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden);
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "resmonitor_formulier";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Beheerder, p => p.RequireRole(Roles.Beheerder))
            .AddPolicy(Roles.Redacteur, p => p.RequireRole(Roles.Beheerder, Roles.Redacteur))
            .AddPolicy(Roles.Lezer, p => p.RequireRole(Roles.Beheerder, Roles.Redacteur, Roles.Lezer))
            .AddPolicy(Roles.DraftReaders, p => p.RequireRole(Roles.Beheerder, Roles.Lezer));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only the login POST is limited, per client address; status code pages show the Dutch 429 page.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals(LoginPath, StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        ProxyHeaders.ClientKey(context),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = LoginAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>Authentication, the login rate limit, authorization, and the rule that the API takes no anonymous writes.</summary>
    public static IApplicationBuilder UseAccounts(this IApplicationBuilder app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.Use(RefuseAnonymousApiWrites);
        return app;
    }

    /// <summary>
    /// Any request to /api other than GET, HEAD or OPTIONS needs a signed-in user, whether or not an endpoint exists
    /// for it: a general rule, so that a write endpoint added later cannot be anonymous by accident.
    /// </summary>
    private static async Task RefuseAnonymousApiWrites(HttpContext context, RequestDelegate next)
    {
        var method = context.Request.Method;
        if (IsApi(context.Request)
            && !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
            && context.User.Identity?.IsAuthenticated != true)
        {
            await TypedResults.Problem(
                title: "Niet ingelogd",
                detail: "Alleen ingelogde gebruikers mogen gegevens wijzigen via de API.",
                statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (IsApi(context.Request))
        {
            // The same Dutch problem details as the rule against anonymous writes, also for an endpoint that names a policy.
            return status == StatusCodes.Status401Unauthorized
                ? TypedResults.Problem(title: "Niet ingelogd", detail: "Log in om gegevens via de API te lezen of te wijzigen.", statusCode: status).ExecuteAsync(context.HttpContext)
                : TypedResults.Problem(title: "Geen toegang", detail: "Uw account mag dit niet via de API.", statusCode: status).ExecuteAsync(context.HttpContext);
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
