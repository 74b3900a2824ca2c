using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;

namespace ResMonitor.Web.Regions;

public static class RegionsApi
{
    public static RouteGroupBuilder MapRegionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/regions").WithTags("Regio's");
        group.MapGet("/{region}/summary", GetSummary)
            .WithName("GetRegionSummary")
            .WithSummary("Het overzicht van de regio tegen het doel")
            .WithDescription("Gerealiseerd, vergund of in procedure en nog in te vullen, per techniek en per gemeente, met bron en peildatum van elk cijfer. Energie in MWh per jaar.");
        return group;
    }

    internal static async Task<Results<Ok<RegionSummary>, ProblemHttpResult>> GetSummary(
        string region, ResMonitorDbContext db, OverviewService overviews, CancellationToken ct)
    {
        var entity = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == region, ct);
        var overview = entity is null ? null : await overviews.GetAsync(region, ct: ct);
        if (entity is null || overview is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Onbekende regio",
                detail: $"De regio '{region}' staat niet in het register.");
        }

        return TypedResults.Ok(RegionSummary.From(entity, overview));
    }
}
