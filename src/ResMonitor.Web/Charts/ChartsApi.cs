using Microsoft.AspNetCore.Http.HttpResults;
using ResMonitor.Core.Data;
using ResMonitor.Web.Charts;
using ResMonitor.Web.Indicators;
using ResMonitor.Web.Infrastructure;

namespace ResMonitor.Web;

public static class ChartsApi
{
    /// <summary>GET /grafieken/{name}.csv: the data table of any chart on the site, exactly as the page shows it.</summary>
    public static IEndpointRouteBuilder MapCharts(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/grafieken/{name}.csv", GetCsv)
            .WithName("GetChartCsv")
            .WithTags("Grafieken")
            .WithSummary("De gegevens van een grafiek als CSV")
            .WithDescription("Dezelfde rijen en kolommen als de tabel naast de grafiek; UTF-8, komma als scheidingsteken, punt als decimaalteken, één kopregel.");
        return routes;
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetCsv(
        string name, ResMonitorDbContext db, TimeProvider clock, Language language, CancellationToken ct)
    {
        var table = ChartCatalog.Names.Contains(name)
            ? await new ChartCatalog(new IndicatorData(db, clock), language).GetAsync(name, ct)
            : null;
        if (table is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Onbekende grafiek",
                detail: $"Er is geen grafiek met de naam '{name}'. Bekende grafieken: {string.Join(", ", ChartCatalog.Names)}.");
        }

        return TypedResults.File(ChartCsv.Write(table), "text/csv; charset=utf-8", $"{name}.csv");
    }
}
