using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Accounts;
using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;
using ResMonitor.Web.Features.Accounts;
using ResMonitor.Web.Features.Editing;
using ResMonitor.Web.Features.Projects;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.ReferenceData;

/// <summary>A search area's name, technique, municipality and source; its outline comes from a file, not from this form.</summary>
[Authorize(Policy = Roles.Beheerder)]
public sealed class SearchAreaModel(ResMonitorDbContext db, EditorAccess access, TimeProvider clock) : ReferencePage(db, access, clock)
{
    public SearchArea Area { get; private set; } = null!;

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string? opgeslagen, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not StatusCodes.Status200OK and var refused)
        {
            return StatusCode(refused);
        }

        Values = new(StringComparer.Ordinal)
        {
            ["name"] = Area.Name,
            ["technique"] = Area.Technique.ToString(),
            ["municipality"] = Area.MunicipalityId is { } m ? await Db.Organisations.Where(o => o.Id == m).Select(o => o.Code).FirstAsync(ct) : "",
            ["source"] = Area.Source,
            ["sourceDate"] = Iso(Area.SourceDate),
        };
        Saved = opgeslagen == "1";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not StatusCodes.Status200OK and var refused)
        {
            return StatusCode(refused);
        }

        var form = ReadForm();
        var technique = form.Enum<Technique>("technique");
        var date = form.Date("sourceDate");
        var code = form.Text("municipality");
        var municipality = code is null ? null : await Db.MunicipalitiesOf(HttpContext.Region().Id).FirstOrDefaultAsync(o => o.Code == code, ct);
        if (!Errors.Any)
        {
            Errors.Add(ReferenceValidation.SearchArea(form.Text("name"), technique, code is not null, municipality is not null, form.Text("source"), date, Today));
        }

        if (Errors.Any)
        {
            return Refused();
        }

        Area.Name = form.Text("name")!;
        Area.Technique = technique!.Value;
        Area.MunicipalityId = municipality?.Id;
        Area.Source = form.Text("source")!;
        Area.SourceDate = date!.Value;
        await SaveAsync(ct);
        return Redirect($"/beheer/referentiegegevens/zoekgebieden/{Uri.EscapeDataString(id)}?opgeslagen=1");
    }

    /// <summary>Loads the area: 200, or 404 when it is unknown, 403 when it belongs to another region than the editor's.</summary>
    private async Task<int> LoadAsync(string id, CancellationToken ct)
    {
        // Without the municipality navigation, so that a changed municipality is only its id.
        var area = await Db.SearchAreas.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (area is null)
        {
            return StatusCodes.Status404NotFound;
        }

        if (!User.MayAccessRegion(area.RegionId))
        {
            return StatusCodes.Status403Forbidden;
        }

        await LoadMunicipalitiesAsync(ct);
        Area = area;
        return StatusCodes.Status200OK;
    }
}
