using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResMonitor.Core;
using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;
using ResMonitor.Web.Infrastructure;

namespace ResMonitor.Web.Pages.Kaart;

/// <summary>The region's map: municipalities shaded by realised generation per inhabitant, projects and search areas.</summary>
public sealed class IndexModel(Register.RegisterResolver register) : PageModel
{
    /// <summary>Class limits in MWh per inhabitant per year, so that small and large municipalities compare fairly.</summary>
    public static readonly decimal[] Levels = [0.5m, 1m, 2m, 4m];

    public Overview Overview { get; private set; } = null!;

    public IReadOnlyList<Organisation> Municipalities { get; private set; } = [];

    public IReadOnlyList<(string Id, string Name, Technique Technique, Phase Phase, double Latitude, double Longitude, bool IsExample)> Points { get; private set; } = [];

    public IReadOnlyList<SearchArea> SearchAreas { get; private set; } = [];

    /// <summary>The technique the reader chose to show (`?techniek=wind`), or null for all.</summary>
    public Technique? Technique { get; private set; }

    public static int Level(decimal? perInhabitant) => perInhabitant is not { } v ? 0 : Levels.Count(limit => v >= limit) + 1;

    public async Task<IActionResult> OnGetAsync(string? techniek, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(techniek))
        {
            Technique = Labels.ParseTechnique(techniek);
            if (Technique is null or Core.Energy.Technique.TechnologyNeutral)
            {
                BadQuery.Page(HttpContext, "techniek",
                    $"De parameter 'techniek' kent de waarde '{techniek}' niet. Kies wind, zon_op_land of zon_op_dak.",
                    $"The parameter 'techniek' has an unknown value '{techniek}'. Choose wind, zon_op_land or zon_op_dak.");
                return BadRequest();
            }
        }

        var state = await register.TodayAsync(ct);
        var overview = Core.Register.RegisterFigures.Overview(state, ReferenceData.DefaultRegion);
        if (overview is null)
        {
            return NotFound();
        }

        Overview = overview;
        Municipalities = state.MunicipalitiesOf(ReferenceData.DefaultRegion).OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
        Points = state.ProjectsOf(ReferenceData.DefaultRegion)
            .Where(p => p.Latitude != null && p.Longitude != null && p.Phase != Phase.Withdrawn && (Technique is null || p.Technique == Technique))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => (p.Id, p.Name, p.Technique, p.Phase, p.Latitude!.Value, p.Longitude!.Value, p.IsExample))
            .ToList();
        SearchAreas = state.SearchAreas
            .Where(a => a.RegionId == ReferenceData.DefaultRegion && a.GeometryGeoJson != null && (Technique is null || a.Technique == Technique))
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
        return Page();
    }
}
