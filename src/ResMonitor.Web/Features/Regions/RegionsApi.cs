using Microsoft.AspNetCore.Http.HttpResults;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Register;
using ResMonitor.Web.Features.History;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.Regions;

/// <summary>The regions' own addresses: the overview of a region against its target.</summary>
public static class RegionsApi
{
    public static IEndpointRouteBuilder MapRegions(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/regions").WithTags("Regio's");
        group.MapGet("/{region}/summary", GetSummary)
            .WithName("GetRegionSummary")
            .WithSummary("Het overzicht van de regio tegen het doel")
            .WithDescription("Gerealiseerd, vergund of in procedure en nog in te vullen, per techniek en per gemeente, met bron en peildatum van elk cijfer. Energie in MWh per jaar. " +
                "Met ?peildatum=jjjj-mm-dd het overzicht zoals het aan het eind van die dag bekend was, herbouwd uit het wijzigingslogboek; 400 bij een onjuiste datum of een datum in de toekomst.");
        return routes;
    }

    internal static async Task<Results<Ok<RegionSummary>, ProblemHttpResult>> GetSummary(
        string region, [System.ComponentModel.Description(Peildatum.Description)] string? peildatum,
        RegisterResolver register, TimeProvider clock, CancellationToken ct)
    {
        var reading = Peildatum.Read(peildatum, clock);
        if (!reading.IsValid)
        {
            return Peildatum.Problem(reading);
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
