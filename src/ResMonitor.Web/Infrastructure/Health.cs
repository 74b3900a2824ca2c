using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using ResMonitor.Core.Data;

namespace ResMonitor.Web.Infrastructure;

/// <summary>
/// <c>GET /health</c> for a load balancer: 200 "Healthy" when the database answers, 503 "Unhealthy" when it does not.
/// Never cached (the answer is about this moment) and without cookies.
/// </summary>
public static class Health
{
    public const string Path = "/health";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<ResMonitorDbContext>("database");
        return services;
    }

    public static IEndpointConventionBuilder MapHealth(this IEndpointRouteBuilder routes) =>
        routes.MapHealthChecks(Path, new HealthCheckOptions { AllowCachingResponses = false })
            .CacheOutput(policy => policy.NoCache())
            .ExcludeFromDescription();
}
