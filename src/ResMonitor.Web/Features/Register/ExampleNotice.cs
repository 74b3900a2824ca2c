using ResMonitor.Web.Infrastructure;

namespace ResMonitor.Web.Features.Register;

/// <summary>
/// How many fictitious example records today's register holds for a region, for the banner every page shows while
/// there are any ("Dit overzicht bevat verzonnen voorbeeldprojecten"), so that examples never pass for real figures.
/// </summary>
public sealed class ExampleNotice(RegisterResolver register)
{
    /// <summary>The example projects and example congestion records of the region; 0 when the database cannot be read.</summary>
    public async Task<(int Projects, int Congestions)> CountAsync(string regionId, CancellationToken ct)
    {
        try
        {
            var state = await register.TodayAsync(ct);
            return (state.ProjectsOf(regionId).Count(p => p.IsExample), state.Congestions.Count(c => c.RegionId == regionId && c.IsExample));
        }
        catch (Exception e) when (DatabaseOutage.IsUnavailable(e))
        {
            // The page says the database is away; the banner follows when it is back.
            return (0, 0);
        }
    }
}
