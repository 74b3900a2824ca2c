using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;
using ResMonitor.Core.Register;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.Municipalities;

public sealed class MunicipalityModel(RegisterResolver register, TimeProvider clock) : PageModel
{
    public Organisation Municipality { get; private set; } = null!;

    public OverviewLine Line { get; private set; } = null!;

    public DateOnly ReferenceDate { get; private set; }

    public DateOnly? NewestSourceDate { get; private set; }

    public IReadOnlyList<(Project Project, YieldEstimate Yield)> Projects { get; private set; } = [];

    public IReadOnlyList<SearchArea> SearchAreas { get; private set; } = [];

    /// <summary>The municipality's agreed contribution against what is there, or the labelled fallback by inhabitants.</summary>
    public MunicipalShare? Share { get; private set; }

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

        var state = await register.OnAsync(reading.Date, ct);
        var municipality = state.MunicipalitiesOf(HttpContext.Region().Id).FirstOrDefault(m => Core.Slug.From(m.Name) == slug);
        var overview = municipality is null ? null : RegisterFigures.Overview(state, municipality.RegionId, municipality.Id);
        if (municipality is null || overview is null)
        {
            return NotFound();
        }

        var calculator = new YieldCalculator(state.FullLoadHours.Where(h => h.RegionId == municipality.RegionId).ToList(), state.Date);
        if (reading.Date is not null)
        {
            Peildatum = state.Date;
            Past = History.Peildatum.Banner.Of(state);
        }

        Municipality = municipality;
        Line = overview.ByMunicipality.Single();
        ReferenceDate = overview.ReferenceDate;
        NewestSourceDate = overview.NewestSourceDate;
        Projects = state.ProjectsOf(municipality.RegionId, municipality.Id)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => (p, calculator.Estimate(p)))
            .ToList();
        Share = RegisterFigures.MunicipalShareOf(state, municipality.RegionId, municipality.Id);
        SearchAreas = state.SearchAreas.Where(a => a.MunicipalityId == municipality.Id).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        return Page();
    }
}
