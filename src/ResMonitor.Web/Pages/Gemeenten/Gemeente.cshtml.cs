using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;
using ResMonitor.Web.Infrastructure;

namespace ResMonitor.Web.Pages.Gemeenten;

public sealed class GemeenteModel(ResMonitorDbContext db, OverviewService overviews, TimeProvider clock) : PageModel
{
    public Organisation Municipality { get; private set; } = null!;

    public OverviewLine Line { get; private set; } = null!;

    public DateOnly ReferenceDate { get; private set; }

    public IReadOnlyList<(Project Project, YieldEstimate Yield)> Projects { get; private set; } = [];

    public IReadOnlyList<SearchArea> SearchAreas { get; private set; } = [];

    /// <summary>The day asked for with ?peildatum=, or null for today.</summary>
    public DateOnly? Peildatum { get; private set; }

    /// <summary>What the banner says on a past page; null for today.</summary>
    public History.Peildatum.Banner? Past { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var reading = History.Peildatum.Read(Request.Query, clock);
        if (!reading.IsValid)
        {
            History.Peildatum.Refuse(HttpContext, reading);
            return BadRequest();
        }

        if (reading.Date is { } date)
        {
            return PastState(await Core.History.RegisterAsOf.LoadAsync(db, date, clock.LocalTimeZone, ct), slug);
        }

        var municipalities = await db.MunicipalitiesOf(ReferenceData.DefaultRegion)
            .ToListAsync(ct);
        var municipality = municipalities.FirstOrDefault(m => Core.Slug.From(m.Name) == slug);
        if (municipality is null)
        {
            return NotFound();
        }

        var overview = (await overviews.GetAsync(municipality.RegionId, municipalityId: municipality.Id, ct: ct))!;
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.MunicipalityId == municipality.Id)
            .OrderBy(p => p.Name)
            .ToListAsync(ct);
        var hours = await db.FullLoadHours.AsNoTracking().Where(h => h.RegionId == municipality.RegionId).ToListAsync(ct);
        var calculator = new YieldCalculator(hours, overview.ReferenceDate);

        SearchAreas = await db.SearchAreas.AsNoTracking()
            .Where(a => a.MunicipalityId == municipality.Id)
            .OrderBy(a => a.Name)
            .ToListAsync(ct);
        Municipality = municipality;
        Line = overview.ByMunicipality.Single();
        ReferenceDate = overview.ReferenceDate;
        Projects = projects.Select(p => (p, calculator.Estimate(p))).ToList();
        return Page();
    }

    /// <summary>The municipality on a past day, from the register as it was known then.</summary>
    private IActionResult PastState(Core.History.RegisterState state, string slug)
    {
        var municipality = state.MunicipalitiesOf(ReferenceData.DefaultRegion).FirstOrDefault(m => Core.Slug.From(m.Name) == slug);
        var overview = municipality is null ? null : OverviewService.Calculate(state, municipality.RegionId, municipality.Id);
        if (municipality is null || overview is null)
        {
            return NotFound();
        }

        var calculator = new YieldCalculator(state.FullLoadHours.Where(h => h.RegionId == municipality.RegionId).ToList(), state.Date);
        Peildatum = state.Date;
        Past = History.Peildatum.Banner.Of(state);
        Municipality = municipality;
        Line = overview.ByMunicipality.Single();
        ReferenceDate = overview.ReferenceDate;
        Projects = state.ProjectsOf(municipality.RegionId, municipality.Id)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => (p, calculator.Estimate(p)))
            .ToList();
        SearchAreas = state.SearchAreas.Where(a => a.MunicipalityId == municipality.Id).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        return Page();
    }
}
