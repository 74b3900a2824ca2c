using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;
using ResMonitor.Web.Features.Editing;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.Projects;

public sealed class ProjectModel(ResMonitorDbContext db, Register.RegisterResolver register, TimeProvider clock) : PageModel
{
    public Project Project { get; private set; } = null!;

    public YieldEstimate Yield { get; private set; }

    public AuthorityDecision Rule { get; private set; } = null!;

    public Permit? Permit { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>Recorded plan failures (planuitval), oldest first; they stay visible after a later record.</summary>
    public IReadOnlyList<Core.PlanFailures.PlanFailure> PlanFailures { get; private set; } = [];

    /// <summary>The day asked for with ?peildatum=, or null for today.</summary>
    public DateOnly? Peildatum { get; private set; }

    /// <summary>What the banner says on a past page; null for today.</summary>
    public History.Peildatum.Banner? Past { get; private set; }

    /// <summary>The versions of the project from the audit trail, newest first (up to the peildatum).</summary>
    public IReadOnlyList<Core.History.ProjectVersion> Versions { get; private set; } = [];

    /// <summary>The nearest city, town or village in words, when the project has coordinates and the region a places file.</summary>
    public Core.Geo.Whereabouts? Nearest { get; private set; }

    /// <summary>The region's municipalities, for the small map around the project.</summary>
    public IReadOnlyList<Core.Regions.Organisation> Municipalities { get; private set; } = [];

    /// <summary>The other located projects that the small map around the project shows.</summary>
    public IReadOnlyList<Project> Neighbours { get; private set; } = [];

    /// <summary>The places on the small map.</summary>
    public IReadOnlyList<Core.Geo.Place> Places { get; private set; } = [];

    /// <summary>How far the small map reaches to either side of the project (km).</summary>
    public const double AroundKm = 5;

    private void Locate(Core.History.RegisterState state, Project project)
    {
        Municipalities = state.MunicipalitiesOf(project.RegionId);
        if (project.Latitude is not { } lat || project.Longitude is not { } lon)
        {
            return;
        }

        Places = Core.Geo.PlaceList.ForRegion(project.RegionId)?.Places ?? [];
        Nearest = Core.Geo.Whereabouts.Nearest(lat, lon, Places);
        var frame = Map.MapFrame.Around(lat, lon, AroundKm, AroundKm * 2 / 3);
        Neighbours = state.ProjectsOf(project.RegionId)
            .Where(p => p.Id != project.Id && p.Phase != Phase.Withdrawn && p.Latitude is { } a && p.Longitude is { } b && frame.Contains(a, b))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Under /{regio}/projecten/{id} only a project of that region; the plain address shows any project.</summary>
    private bool InAddressedRegion(string regionId) => HttpContext.Region().FromRoute is not { } asked || asked == regionId;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var reading = History.Peildatum.Read(Request.Query, clock);
        if (!reading.IsValid)
        {
            History.Peildatum.Refuse(HttpContext, reading);
            return BadRequest();
        }

        var state = await register.OnAsync(reading.Date, ct);
        if (reading.Date is null)
        {
            var today = state.Project(id);
            if (today is null || !InAddressedRegion(today.RegionId))
            {
                return NotFound();
            }

            Today = state.Date;
            Project = today;
            PlanFailures = state.PlanFailures.Where(f => f.ProjectId == id).OrderBy(f => f.Date).ThenBy(f => f.Id).ToList();
            Yield = new YieldCalculator(state.FullLoadHours.Where(h => h.RegionId == today.RegionId).ToList(), Today).Estimate(today);
            Permit = today.Permits.OrderByDescending(p => p.GrantedOn ?? p.AppliedOn).FirstOrDefault();
            Rule = CompetentAuthorityRule.Decide(today.Technique, today.CapacityMw, Permit?.HandedOverToProvinceOn);
            Versions = await Core.History.VersionHistory.OfProjectAsync(db, id, ct: ct);
            Locate(state, today);
            return Page();
        }

        return await PastAsync(state, id, ct);
    }

    /// <summary>The project on a past day, from the register as it was known then; absent if it was not yet known.</summary>
    private async Task<IActionResult> PastAsync(Core.History.RegisterState state, string id, CancellationToken ct)
    {
        var project = state.Project(id);
        if (project is not null && !InAddressedRegion(project.RegionId))
        {
            return NotFound();
        }

        if (project is null)
        {
            Infrastructure.BadQuery.Page(HttpContext, History.Peildatum.Parameter,
                $"Het project '{id}' stond op {Core.DutchFormat.Date(state.Date)} niet in het register. Bekijk de stand van vandaag via /projecten/{id}.",
                $"The project '{id}' was not in the register on {state.Date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}. See today's state at /projecten/{id}.");
            return NotFound();
        }

        Peildatum = state.Date;
        Past = History.Peildatum.Banner.Of(state);
        Today = state.Date;
        Project = project;
        PlanFailures = state.PlanFailures.Where(f => f.ProjectId == id && f.Date <= state.Date).OrderBy(f => f.Date).ThenBy(f => f.Id).ToList();
        Yield = new YieldCalculator(state.FullLoadHours.Where(h => h.RegionId == project.RegionId).ToList(), state.Date).Estimate(project);
        Permit = project.Permits.OrderByDescending(p => p.GrantedOn ?? p.AppliedOn).FirstOrDefault();
        Rule = CompetentAuthorityRule.Decide(project.Technique, project.CapacityMw, Permit?.HandedOverToProvinceOn);
        Versions = await Core.History.VersionHistory.OfProjectAsync(db, id, state.KnownBefore, ct);
        Locate(state, project);
        return Page();
    }
}
