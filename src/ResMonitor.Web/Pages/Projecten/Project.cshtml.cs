using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;

namespace ResMonitor.Web.Pages.Projecten;

public sealed class ProjectModel(ResMonitorDbContext db, TimeProvider clock) : PageModel
{
    public Project Project { get; private set; } = null!;

    public YieldEstimate Yield { get; private set; }

    public AuthorityDecision Rule { get; private set; } = null!;

    public Permit? Permit { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>Recorded plan failures (planuitval), oldest first; they stay visible after a later record.</summary>
    public IReadOnlyList<Core.PlanFailures.PlanFailure> PlanFailures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking()
            .Include(p => p.Municipality)
            .Include(p => p.SearchArea)
            .Include(p => p.PhaseHistory)
            .Include(p => p.Permits)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return NotFound();
        }

        Today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var hours = await db.FullLoadHours.AsNoTracking().Where(h => h.RegionId == project.RegionId).ToListAsync(ct);
        PlanFailures = await db.PlanFailures.AsNoTracking().Where(f => f.ProjectId == id).OrderBy(f => f.Date).ThenBy(f => f.Id).ToListAsync(ct);
        Project = project;
        Yield = new YieldCalculator(hours, Today).Estimate(project);
        Permit = project.Permits.OrderByDescending(p => p.GrantedOn ?? p.AppliedOn).FirstOrDefault();
        Rule = CompetentAuthorityRule.Decide(project.Technique, project.CapacityMw, Permit?.HandedOverToProvinceOn);
        return Page();
    }
}
