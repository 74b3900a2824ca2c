using Microsoft.AspNetCore.Http.HttpResults;
using ResMonitor.Core.Forecast;
using ResMonitor.Core.Register;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.Forecast;

/// <summary>The 2030 forecast: its cache and its address in the API.</summary>
public static class ForecastFeature
{
    public static IServiceCollection AddForecast(this IServiceCollection services) => services.AddSingleton<ForecastCache>();

    public static IEndpointRouteBuilder MapForecast(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/regions").WithTags("Regio's");
        group.MapGet("/{region}/forecast", GetForecast)
            .WithName("GetRegionForecast")
            .WithSummary("De prognose: haalt de regio het doel?")
            .WithDescription("Monte Carlo-simulatie over alle projecten: per fase een kans op realisatie en een vertraging (driehoeksverdeling, maanden). " +
                "Geeft de kans dat het doel wordt gehaald, P10/P50/P90 van de opwek in het doeljaar (MWh per jaar), het jaar waarin het doel naar verwachting wordt gehaald, " +
                "de spreiding per techniek en per gemeente, de projecten die de uitkomst het meest bepalen en de gebruikte aannames. " +
                "Dezelfde seed geeft dezelfde uitkomst. Parameters: runs (100 tot 100.000, standaard 10.000) en seed (een geheel getal, standaard 2030). " +
                "Zonder inloggen geeft de API alleen de standaardberekening (10.000 runs, seed 2030), die de site bewaart tot het register verandert; " +
                "een andere waarde van runs of seed vraagt een ingelogde gebruiker (anders 403).");
        return routes;
    }

    internal static async Task<Results<Ok<RegionForecast>, ProblemHttpResult>> GetForecast(
        string region, string? runs, string? seed, HttpContext context, RegisterResolver register, ForecastCache cache, CancellationToken ct)
    {
        var runCount = RegisterFigures.DefaultForecastRuns;
        if (runs is not null && (!int.TryParse(runs, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out runCount) || runCount is < 100 or > 100_000))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Ongeldige parameter 'runs'",
                detail: $"De parameter 'runs' moet een geheel getal van 100 tot en met 100.000 zijn, niet '{runs}'.");
        }

        var seedValue = RegisterFigures.DefaultForecastSeed;
        if (seed is not null && !ulong.TryParse(seed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out seedValue))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Ongeldige parameter 'seed'",
                detail: $"De parameter 'seed' moet een geheel getal van 0 of meer zijn, niet '{seed}'.");
        }

        // The default run is the same for everyone and kept (ForecastCache); any other costs seconds per request, so it
        // is for signed-in users only (docs/decisions/0015-hardening.md).
        var isDefault = runCount == RegisterFigures.DefaultForecastRuns && seedValue == RegisterFigures.DefaultForecastSeed;
        if (!isDefault && context.User.Identity?.IsAuthenticated != true)
        {
            var named = runCount != RegisterFigures.DefaultForecastRuns ? "runs" : "seed";
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: $"Parameter '{named}' alleen voor ingelogde gebruikers",
                detail: $"Zonder inloggen geeft de API de standaardprognose ({ResMonitor.Core.DutchFormat.Number(RegisterFigures.DefaultForecastRuns, 0)} runs, seed {RegisterFigures.DefaultForecastSeed}). " +
                    $"Een eigen waarde van '{named}' kost veel rekentijd en is alleen voor ingelogde gebruikers; laat de parameter weg voor de standaardprognose.");
        }

        var forecast = isDefault
            ? await cache.GetAsync(region, ct)
            : RegisterFigures.Forecast(await register.TodayAsync(ct), region, new ForecastSettings(runCount, seedValue));
        return forecast is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Onbekende regio",
                detail: $"De regio '{region}' staat niet in het register of heeft geen doel.")
            : TypedResults.Ok(forecast);
    }
}
