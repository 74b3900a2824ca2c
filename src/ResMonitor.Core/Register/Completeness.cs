using ResMonitor.Core.Energy;
using ResMonitor.Core.History;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;

namespace ResMonitor.Core.Register;

/// <summary>
/// How complete the register is for one technique: the capacity of the real projects the register has as realised at
/// the end of the counted period, next to the official count for that period ("het register bevat 240 van de 246 MW
/// wind die CBS telde (eind 2022)").
/// </summary>
/// <param name="RegisterMw">Real projects (no examples) whose phase on <see cref="OfficialFigure.PeriodEnd"/> was realised.</param>
/// <param name="Projects">How many projects make up <paramref name="RegisterMw"/>.</param>
public sealed record Completeness(Technique Technique, decimal RegisterMw, int Projects, OfficialFigure Official)
{
    /// <summary>"eind 2022" for a period ending on 31 December, otherwise "op 30 juni 2023".</summary>
    public string PeriodText => Official.PeriodEnd is { Month: 12, Day: 31 } end ? $"eind {end.Year}" : $"op {DutchFormat.Date(Official.PeriodEnd)}";

    /// <summary>The English period: "end of 2022" or "on 30 June 2023".</summary>
    public string PeriodTextEnglish => Official.PeriodEnd is { Month: 12, Day: 31 } end
        ? $"end of {end.Year}"
        : $"on {Official.PeriodEnd.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Per technique with an official figure of the region, the newest period first chosen: one line per technique.
    /// A region without official figures gets none.
    /// </summary>
    public static IReadOnlyList<Completeness> Of(RegisterState state, string regionId)
    {
        var projects = state.ProjectsOf(regionId).Where(p => !p.IsExample).ToList();
        return state.OfficialFigures
            .Where(f => f.RegionId == regionId)
            .GroupBy(f => f.Technique)
            .Select(g => g.OrderByDescending(f => f.PeriodEnd).First())
            .OrderBy(f => f.Technique)
            .Select(f =>
            {
                var counted = projects.Where(p => p.Technique == f.Technique && RegisterState.PhaseOn(p, f.PeriodEnd).Phase == Phase.Realised).ToList();
                return new Completeness(f.Technique, counted.Sum(p => p.CapacityMw), counted.Count, f);
            })
            .ToList();
    }
}
