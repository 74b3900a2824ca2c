using Microsoft.AspNetCore.Http.HttpResults;
using ResMonitor.Web.Features.Indicators;
using ResMonitor.Web.Infrastructure;

namespace ResMonitor.Web.Features.Charts;

public static class ChartsApi
{
    /// <summary>GET /grafieken/{name}.csv: the data table of any chart on the site, exactly as the page shows it.</summary>
    public static IEndpointRouteBuilder MapCharts(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/grafieken/{name}.csv", GetCsv)
            .WithName("GetChartCsv")
            .WithTags("Grafieken")
            .WithSummary("De gegevens van een grafiek als CSV")
            .WithDescription("Dezelfde rijen en kolommen als de tabel naast de grafiek; UTF-8, komma als scheidingsteken, punt als decimaalteken, één kopregel. Met peildatum de grafiek van die dag.");
        // The same table for a region named in the address (see docs/decisions/0012).
        routes.MapGet("/{regio}/grafieken/{name}.csv", GetCsv)
            .WithName("GetRegionChartCsv")
            .WithTags("Grafieken")
            .WithSummary("De gegevens van een grafiek van een regio als CSV");
        return routes;
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetCsv(
        string name, [System.ComponentModel.Description(History.Peildatum.Description)] string? peildatum,
        Register.RegisterResolver register, Regions.CurrentRegion region, TimeProvider clock, Language language, CancellationToken ct)
    {
        var reading = History.Peildatum.Read(peildatum, clock);
        if (!reading.IsValid)
        {
            return History.Peildatum.Problem(reading);
        }

        var state = await register.OnAsync(reading.Date, ct);
        if (state.Region(region.Id) is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Onbekende regio",
                detail: $"De regio '{region.Id}' staat niet in het register. Bekende regio's: {string.Join(", ", state.Regions.Select(r => r.Id))}.");
        }

        var table = ChartCatalog.Names.Contains(name)
            ? await new ChartCatalog(new IndicatorData(state, region), language).GetAsync(name, ct)
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
