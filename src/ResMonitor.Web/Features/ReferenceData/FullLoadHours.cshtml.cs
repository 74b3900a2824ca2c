using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Accounts;
using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Regions;
using ResMonitor.Web.Features.Editing;
using ResMonitor.Web.Features.Projects;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.ReferenceData;

/// <summary>A new version of the full-load hours, with its validity and source; versions are never edited in place.</summary>
[Authorize(Policy = Roles.Beheerder)]
public sealed class FullLoadHoursModel(ResMonitorDbContext db, EditorAccess access, TimeProvider clock) : ReferencePage(db, access, clock)
{
    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadMunicipalitiesAsync(ct);
        Values = new(StringComparer.Ordinal) { ["validFrom"] = Iso(Today) };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadMunicipalitiesAsync(ct);
        var form = ReadForm();
        var technique = form.Enum<Technique>("technique");
        var hours = form.Number("hours");
        var from = form.Date("validFrom");
        var until = form.Date("validUntil");
        var code = form.Text("municipality");
        var municipality = code is null ? null : await Db.MunicipalitiesOf(HttpContext.Region().Id).FirstOrDefaultAsync(o => o.Code == code, ct);
        if (!Errors.Any)
        {
            Errors.Add(ReferenceValidation.FullLoadHours(technique, code is not null, municipality is not null, hours, from, until, form.Text("source")));
        }

        if (Errors.Any)
        {
            return Refused();
        }

        Db.FullLoadHours.Add(new FullLoadHours
        {
            RegionId = HttpContext.Region().Id, Technique = technique!.Value, MunicipalityId = municipality?.Id,
            Hours = hours!.Value, ValidFrom = from!.Value, ValidUntil = until, Source = form.Text("source")!,
        });
        await SaveAsync(ct);
        return Redirect("/beheer/referentiegegevens#vollasturen");
    }
}
