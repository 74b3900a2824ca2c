using Microsoft.AspNetCore.Http.HttpResults;
using ResMonitor.Core.Register;
using ResMonitor.Core.Signals;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.Signals;

/// <summary>The signals: their thresholds from the configuration and their address in the API.</summary>
public static class SignalsFeature
{
    public static IServiceCollection AddSignals(this IServiceCollection services)
    {
        services.AddOptions<SignalOptions>().BindConfiguration("Signals")
            .Validate(o => o.Problems().Count == 0, "De instellingen onder 'Signals' kloppen niet.").ValidateOnStart();
        return services;
    }

    public static IEndpointRouteBuilder MapSignals(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/regions").WithTags("Regio's");
        group.MapGet("/{region}/signals", GetSignals)
            .WithName("GetRegionSignals")
            .WithSummary("De openbare signalen: waar gaat het mis?")
            .WithDescription("Per signaal de regel (Stalled: geen nieuwe fase in N maanden; NoPermitByDeadline: geen vergunning vóór 1 januari 2025; " +
                "LowLocalOwnership: nieuw project waarvan bekend is dat het onder 50% lokaal eigendom blijft; MunicipalityBehind: gemeente blijft achter bij haar afgesproken bijdrage, of zonder afgesproken bijdrage bij haar aandeel naar inwonertal; " +
                "NoGridCapacity: project in een gebied met leveringscongestie), " +
                "het project of de gemeente, de feiten en een link. De drempels staan in 'options'. 'gapCounts' telt per regel de ontbrekende gegevens " +
                "(een onbekende waarde is geen lage waarde); 'newProjects' zegt wanneer een project nieuw is. Voorbeeldprojecten tellen alleen mee als het register niets anders bevat ('examplesOnly').");
        return routes;
    }

    internal static async Task<Results<Ok<RegionSignals>, ProblemHttpResult>> GetSignals(
        string region, RegisterResolver register, Microsoft.Extensions.Options.IOptions<SignalOptions> options, CancellationToken ct)
    {
        var result = RegisterFigures.Signals(await register.TodayAsync(ct), region, options.Value, publicOnly: true);
        return result is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Onbekende regio",
                detail: $"De regio '{region}' staat niet in het register of heeft geen doel.")
            : TypedResults.Ok(result);
    }
}
