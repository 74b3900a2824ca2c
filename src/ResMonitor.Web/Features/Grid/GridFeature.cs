using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Data;
using ResMonitor.Core.Grid;

namespace ResMonitor.Web.Features.Grid;

/// <summary>One record of the congestion register as the API gives it.</summary>
public sealed record CongestionRecord(
    long Id, string Area, string AreaKind, string? SearchAreaId, string GridOperator, string GridOperatorCode, CongestionKind Kind,
    DateOnly Since, DateOnly? ExpectedEnd, string? Reinforcement, DateOnly? EndedOn, bool InForce, string Source, DateOnly SourceDate, bool IsExample);

/// <summary>The congestion register of a region on a date.</summary>
public sealed record RegionCongestion(string Region, DateOnly ReferenceDate, IReadOnlyList<CongestionRecord> Records);

/// <summary>Grid congestion: the register's service and its address in the API.</summary>
public static class GridFeature
{
    public static IServiceCollection AddGrid(this IServiceCollection services) => services.AddScoped<CongestionService>();

    public static IEndpointRouteBuilder MapGrid(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/regions").WithTags("Regio's");
        group.MapGet("/{region}/congestion", GetCongestion)
            .WithName("GetRegionCongestion")
            .WithSummary("Netcongestie: waar is het net vol?")
            .WithDescription("Het register van netcongestie: per gemeente of zoekgebied de netbeheerder, de soort (FeedIn: levering, Offtake: afname), " +
                "sinds wanneer, het verwachte einde en de netverzwaring waarna, het einde, of de congestie op de peildatum geldt (inForce), en bron en peildatum van elk record.");
        return routes;
    }

    internal static async Task<Results<Ok<RegionCongestion>, ProblemHttpResult>> GetCongestion(
        string region, CongestionService register, ResMonitorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Regions.AnyAsync(r => r.Id == region, ct))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Onbekende regio",
                detail: $"De regio '{region}' staat niet in het register.");
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var records = (await register.ListAsync(region, ct))
            .Select(r => new CongestionRecord(r.Id, r.AreaName, r.AreaKind, r.SearchAreaId, r.GridOperatorName, r.GridOperatorCode, r.Kind,
                r.Since, r.ExpectedEnd, r.Reinforcement, r.EndedOn, r.InForceOn(today), r.Source, r.SourceDate, r.IsExample))
            .ToList();
        return TypedResults.Ok(new RegionCongestion(region, today, records));
    }
}
