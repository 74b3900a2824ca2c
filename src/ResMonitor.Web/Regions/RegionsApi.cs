using Microsoft.AspNetCore.Http.HttpResults;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Forecast;
using ResMonitor.Core.Register;
using ResMonitor.Core.Signals;

namespace ResMonitor.Web.Regions;

public static class RegionsApi
{
    public static RouteGroupBuilder MapRegionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/regions").WithTags("Regio's");
        group.MapGet("/{region}/summary", GetSummary)
            .WithName("GetRegionSummary")
            .WithSummary("Het overzicht van de regio tegen het doel")
            .WithDescription("Gerealiseerd, vergund of in procedure en nog in te vullen, per techniek en per gemeente, met bron en peildatum van elk cijfer. Energie in MWh per jaar. " +
                "Met ?peildatum=jjjj-mm-dd het overzicht zoals het aan het eind van die dag bekend was, herbouwd uit het wijzigingslogboek; 400 bij een onjuiste datum of een datum in de toekomst.");
        group.MapGet("/{region}/forecast", GetForecast)
            .WithName("GetRegionForecast")
            .WithSummary("De prognose: haalt de regio het doel?")
            .WithDescription("Monte Carlo-simulatie over alle projecten: per fase een kans op realisatie en een vertraging (driehoeksverdeling, maanden). " +
                "Geeft de kans dat het doel wordt gehaald, P10/P50/P90 van de opwek in het doeljaar (MWh per jaar), het jaar waarin het doel naar verwachting wordt gehaald, " +
                "de spreiding per techniek en per gemeente, de projecten die de uitkomst het meest bepalen en de gebruikte aannames. " +
                "Dezelfde seed geeft dezelfde uitkomst. Parameters: runs (100 tot 100.000, standaard 10.000) en seed (een geheel getal, standaard 2030).");
        group.MapGet("/{region}/signals", GetSignals)
            .WithName("GetRegionSignals")
            .WithSummary("De openbare signalen: waar gaat het mis?")
            .WithDescription("Per signaal de regel (Stalled: geen nieuwe fase in N maanden; NoPermitByDeadline: geen vergunning vóór 1 januari 2025; " +
                "LowLocalOwnership: nieuw project onder 50% lokaal eigendom; MunicipalityBehind: gemeente blijft achter bij haar aandeel in het doel; " +
                "NoGridCapacity: project in een gebied met leveringscongestie), " +
                "het project of de gemeente, de feiten en een link. De drempels staan in 'options'.");
        group.MapGet("/{region}/congestion", Grid.CongestionApi.GetCongestion)
            .WithName("GetRegionCongestion")
            .WithSummary("Netcongestie: waar is het net vol?")
            .WithDescription("Het register van netcongestie: per gemeente of zoekgebied de netbeheerder, de soort (FeedIn: levering, Offtake: afname), " +
                "sinds wanneer, het verwachte einde en de netverzwaring waarna, het einde, of de congestie op de peildatum geldt (inForce), en bron en peildatum van elk record.");
        return group;
    }

    internal static async Task<Results<Ok<RegionSignals>, ProblemHttpResult>> GetSignals(
        string region, Register.RegisterResolver register, Microsoft.Extensions.Options.IOptions<SignalOptions> options, CancellationToken ct)
    {
        var result = RegisterFigures.Signals(await register.TodayAsync(ct), region, options.Value, publicOnly: true);
        return result is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Onbekende regio",
                detail: $"De regio '{region}' staat niet in het register of heeft geen doel.")
            : TypedResults.Ok(result);
    }

    internal static async Task<Results<Ok<RegionForecast>, ProblemHttpResult>> GetForecast(
        string region, string? runs, string? seed, Register.RegisterResolver register, CancellationToken ct)
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

        var forecast = RegisterFigures.Forecast(await register.TodayAsync(ct), region, new ForecastSettings(runCount, seedValue));
        return forecast is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Onbekende regio",
                detail: $"De regio '{region}' staat niet in het register of heeft geen doel.")
            : TypedResults.Ok(forecast);
    }

    internal static async Task<Results<Ok<RegionSummary>, ProblemHttpResult>> GetSummary(
        string region, [System.ComponentModel.Description(History.Peildatum.Description)] string? peildatum,
        Register.RegisterResolver register, TimeProvider clock, CancellationToken ct)
    {
        var reading = History.Peildatum.Read(peildatum, clock);
        if (!reading.IsValid)
        {
            return History.Peildatum.Problem(reading);
        }

        var summary = RegisterFigures.Summary(await register.OnAsync(reading.Date, ct), region);
        if (summary is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Onbekende regio",
                detail: reading.Date is { } date
                    ? $"De regio '{region}' stond op {ResMonitor.Core.DutchFormat.Date(date)} niet in het register."
                    : $"De regio '{region}' staat niet in het register.");
        }

        return TypedResults.Ok(summary);
    }
}
