using Microsoft.Extensions.Options;

namespace ResMonitor.Web.Features.Regions;

/// <summary>The instance's region: <c>Region:Default</c> in the configuration, else RESMONITOR_REGION, else drenthe.</summary>
public sealed class RegionOptions
{
    public const string Fallback = "drenthe";

    public string Default { get; set; } = "";
}

/// <summary>
/// The region of the request: the route value <c>regio</c> when the address has one (<c>/{regio}/...</c>, see
/// docs/decisions/0014), else the instance's default region. <see cref="Href"/> keeps the region in internal links.
/// </summary>
public sealed class CurrentRegion(IHttpContextAccessor accessor, IOptions<RegionOptions> options)
{
    public const string RouteKey = "regio";

    /// <summary>The instance's default region, served under the plain addresses.</summary>
    public string Default => options.Value.Default;

    /// <summary>
    /// The region named in the address, or null when the request came in on a plain address. The error page, reached by
    /// re-execution, keeps the region of the address that failed unless that region is not in the register.
    /// </summary>
    public string? FromRoute
    {
        get
        {
            var context = accessor.HttpContext;
            if (context?.GetRouteValue(RouteKey) is string { Length: > 0 } id)
            {
                return id;
            }

            return context?.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.RouteValues?[RouteKey] is string { Length: > 0 } original
                && UnknownRegionFilter.Find(context) is null
                    ? original
                    : null;
        }
    }

    /// <summary>
    /// On the editors' pages (/beheer) and API writes: the region the signed-in user works in (their own region, or for a
    /// national user the region they chose). Null elsewhere. Set by <see cref="EditorRegion"/>.
    /// </summary>
    public string? Editing { get; set; }

    /// <summary>The region id of this request.</summary>
    public string Id => FromRoute ?? Editing ?? Default;

    /// <summary>
    /// An internal address of a public page as this request should link to it: with <c>/{regio}</c> in front when the
    /// request came in with a region in its address, unchanged otherwise. <paramref name="path"/> starts with '/'.
    /// </summary>
    public string Href(string path) => Prefix(FromRoute, path);

    public static string Prefix(string? region, string path) =>
        region is null ? path
        : path == "/" ? "/" + region
        : path.StartsWith("/#", StringComparison.Ordinal) || path.StartsWith("/?", StringComparison.Ordinal) ? $"/{region}{path[1..]}"
        : $"/{region}{path}";

    /// <summary>The name of the request's region, once a page filter has looked it up in the register (null before).</summary>
    public string? Name { get; set; }

    /// <summary>How many regions the register holds, once a page filter has looked (0 before): with more than one, the pages link to the list.</summary>
    public int RegionCount { get; set; }
}

public static class RegionsFeature
{
    public static IServiceCollection AddRegions(this IServiceCollection services)
    {
        services.AddOptions<RegionOptions>().BindConfiguration("Region")
            .PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.Default))
                {
                    o.Default = Environment.GetEnvironmentVariable("RESMONITOR_REGION") is { Length: > 0 } env ? env.Trim() : RegionOptions.Fallback;
                }
            });
        services.AddScoped<CurrentRegion>();
        return services;
    }
}

public static class CurrentRegionExtensions
{
    /// <summary>The region of this request (see <see cref="CurrentRegion"/>).</summary>
    public static CurrentRegion Region(this HttpContext context) => context.RequestServices.GetRequiredService<CurrentRegion>();
}
