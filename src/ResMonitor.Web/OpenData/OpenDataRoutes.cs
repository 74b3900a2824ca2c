namespace ResMonitor.Web;

/// <summary>The one entry in WebApp's table of contents for the open data (see <see cref="OpenData.OpenDataEndpoints"/>).</summary>
public static class OpenDataRoutes
{
    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder routes) => OpenData.OpenDataEndpoints.Map(routes);
}
