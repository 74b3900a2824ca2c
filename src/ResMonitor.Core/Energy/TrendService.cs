using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Data;
using ResMonitor.Core.Projects;

namespace ResMonitor.Core.Energy;

/// <summary>Loads the projects with their dated phase history and calculates the trend over the years.</summary>
public sealed class TrendService(ResMonitorDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public async Task<Trend> GetAsync(string regionId, DateOnly? referenceDate = null, CancellationToken ct = default)
    {
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.RegionId == regionId)
            .Select(p => new { Facts = new ProjectFacts(p.Id, p.Technique, p.CapacityMw, p.MunicipalityId, p.Phase, p.MeasuredYieldMwh, p.IsExample), p.PhaseDate })
            .ToListAsync(ct);
        var changes = await db.PhaseChanges.AsNoTracking()
            .Where(c => db.Projects.Any(p => p.Id == c.ProjectId && p.RegionId == regionId))
            .OrderBy(c => c.ProjectId).ThenBy(c => c.Date).ThenBy(c => c.Id)
            .ToListAsync(ct);
        var byProject = changes.GroupBy(c => c.ProjectId).ToDictionary(g => g.Key, g => (IReadOnlyList<PhaseChange>)g.ToList());
        var hours = await db.FullLoadHours.AsNoTracking().Where(h => h.RegionId == regionId).ToListAsync(ct);

        // A project without a history but with a dated current phase still has one known step.
        var histories = projects.Select(p => new ProjectHistory(p.Facts,
                byProject.TryGetValue(p.Facts.Id, out var history) ? history
                : p.PhaseDate is { } date ? [new PhaseChange { ProjectId = p.Facts.Id, Phase = p.Facts.Phase, Date = date }]
                : []))
            .ToList();
        return TrendCalculator.Calculate(histories, hours, referenceDate ?? Today);
    }

    /// <summary>The trend up to a past day, from the register as it was known then (see <see cref="History.RegisterAsOf"/>).</summary>
    public static Trend Calculate(History.RegisterState state, string regionId)
    {
        var histories = state.ProjectsOf(regionId)
            .Select(p => new ProjectHistory(
                new ProjectFacts(p.Id, p.Technique, p.CapacityMw, p.MunicipalityId, p.Phase, p.MeasuredYieldMwh, p.IsExample),
                p.PhaseHistory.Count > 0 ? p.PhaseHistory
                : p.PhaseDate is { } date ? [new PhaseChange { ProjectId = p.Id, Phase = p.Phase, Date = date }]
                : []))
            .ToList();
        return TrendCalculator.Calculate(histories, state.FullLoadHours.Where(h => h.RegionId == regionId).ToList(), state.Date);
    }
}
