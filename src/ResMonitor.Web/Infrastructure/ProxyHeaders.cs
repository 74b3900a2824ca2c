using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ResMonitor.Web.Infrastructure;

/// <summary>
/// Behind a reverse proxy the client's address (the login rate limit is per address) and the scheme (the session
/// cookie is Secure over HTTPS) come from X-Forwarded-For and X-Forwarded-Proto, but only when the request comes
/// from a proxy listed under <c>ForwardedHeaders:KnownProxies</c> (addresses) or <c>ForwardedHeaders:KnownNetworks</c>
/// (CIDR ranges). None is trusted by default, not even the local machine: anyone can send these headers.
/// </summary>
public static class ProxyHeaders
{
    public const string Section = "ForwardedHeaders";

    /// <summary>
    /// The client's address as the rate limits and the login throttle key it: after <see cref="UseProxyHeaders"/>, the
    /// address a configured proxy forwarded, else the connection's.
    /// </summary>
    public static string ClientKey(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "onbekend";

    /// <summary>Reads the trusted proxies; a value that is no address or range stops the start with a Dutch message.</summary>
    public static ForwardedHeadersOptions? Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = Values(section.GetSection("KnownProxies"));
        var networks = Values(section.GetSection("KnownNetworks"));
        if (proxies.Count == 0 && networks.Count == 0)
        {
            return null;
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
        };
        // The framework trusts the loopback addresses by default; here only what is configured counts.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var (key, value) in proxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(value, out var address)
                ? address
                : throw new InvalidOperationException($"{key}: '{value}' is geen IP-adres (bijvoorbeeld 10.0.0.5 of fd00::5)."));
        }

        foreach (var (key, value) in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(value, out var network)
                ? network
                : throw new InvalidOperationException($"{key}: '{value}' is geen netwerk in CIDR-notatie (bijvoorbeeld 10.0.0.0/24)."));
        }

        if (section["ForwardLimit"] is { Length: > 0 } limit)
        {
            options.ForwardLimit = int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var hops) && hops is >= 1 and <= 10
                ? hops
                : throw new InvalidOperationException($"{Section}:ForwardLimit: '{limit}' moet een heel getal van 1 tot en met 10 zijn (het aantal proxy's voor de site).");
        }

        return options;
    }

    /// <summary>Uses the forwarded headers when proxies are configured; first in the pipeline, before anything reads the address or scheme.</summary>
    public static IApplicationBuilder UseProxyHeaders(this IApplicationBuilder app, IConfiguration configuration)
    {
        if (Read(configuration) is { } options)
        {
            app.UseForwardedHeaders(options);
        }

        return app;
    }

    /// <summary>A list as children (KnownProxies:0, KnownProxies:1) or as one comma-separated value.</summary>
    private static List<(string Key, string Value)> Values(IConfigurationSection section)
    {
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return section.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(v => (section.Path, v)).ToList();
        }

        return section.GetChildren()
            .Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .Select(c => (c.Path, c.Value!.Trim())).ToList();
    }
}
