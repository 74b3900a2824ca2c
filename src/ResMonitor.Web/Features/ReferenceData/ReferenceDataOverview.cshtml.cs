using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Accounts;
using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;
using ResMonitor.Web.Features.Editing;
using ResMonitor.Web.Features.Projects;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.ReferenceData;

/// <summary>The reference data a beheerder keeps (partners, targets, full-load hours, search areas); a redacteur sees only their organisation.</summary>
[Authorize(Policy = Roles.Redacteur)]
public sealed class ReferenceDataOverviewModel(ResMonitorDbContext db, EditorAccess access) : PageModel
{
    public EditScope Scope { get; private set; } = EditScope.Nothing;

    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public IReadOnlyList<Target> Targets { get; private set; } = [];

    /// <summary>The municipalities' agreed contributions, by municipality name and technique.</summary>
    public IReadOnlyList<(Target Target, string Municipality)> MunicipalTargets { get; private set; } = [];

    public IReadOnlyList<FullLoadHours> Hours { get; private set; } = [];

    public IReadOnlyList<SearchArea> SearchAreas { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Scope = await access.ScopeAsync(ct);
        if (!Scope.EditsReferenceData)
        {
            return Scope.Organisation is { } own ? Redirect($"/beheer/referentiegegevens/organisaties/{own.Id}") : StatusCode(StatusCodes.Status403Forbidden);
        }

        var region = HttpContext.Region().Id;
        Organisations = (await db.Organisations.AsNoTracking().Where(o => o.RegionId == region).ToListAsync(ct))
            .OrderBy(o => (int)o.Kind).ThenBy(o => o.Name, StringComparer.Create(ResMonitor.Core.DutchFormat.Culture, false)).ToList();
        var targets = await db.Targets.AsNoTracking().Where(t => t.RegionId == region).OrderBy(t => t.Year).ThenBy(t => t.Technique).ToListAsync(ct);
        Targets = targets.Where(t => t.MunicipalityId is null).ToList();
        var names = Organisations.ToDictionary(o => o.Id, o => o.Name);
        MunicipalTargets = targets.Where(t => t.MunicipalityId is not null)
            .Select(t => (t, names.GetValueOrDefault(t.MunicipalityId!.Value, "?")))
            .OrderBy(x => x.Item2, StringComparer.Create(ResMonitor.Core.DutchFormat.Culture, false)).ThenBy(x => x.t.Year).ThenBy(x => x.t.Technique).ToList();
        Hours = await db.FullLoadHours.AsNoTracking().Include(h => h.Municipality).Where(h => h.RegionId == region)
            .OrderBy(h => h.Technique).ThenBy(h => h.MunicipalityId).ThenBy(h => h.ValidFrom).ToListAsync(ct);
        SearchAreas = await db.SearchAreas.AsNoTracking().Include(a => a.Municipality).Where(a => a.RegionId == region).OrderBy(a => a.Name).ToListAsync(ct);
        return Page();
    }
}
