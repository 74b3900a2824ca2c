using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Accounts;
using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Regions;
using ResMonitor.Web.Features.Editing;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.ReferenceData;

/// <summary>
/// Records a municipality's agreed contribution for one technique (a municipal target) where no source file holds it;
/// changing one afterwards is the target page. Beheerder only; every save is in the audit trail.
/// </summary>
[Authorize(Policy = Roles.Beheerder)]
public sealed class MunicipalTargetModel(ResMonitorDbContext db, EditorAccess access, TimeProvider clock) : ReferencePage(db, access, clock)
{
    public async Task OnGetAsync(string? gemeente, CancellationToken ct)
    {
        await LoadMunicipalitiesAsync(ct);
        Values = new(StringComparer.Ordinal) { ["year"] = "2030", ["referenceDate"] = Iso(Today), ["municipality"] = gemeente ?? "" };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadMunicipalitiesAsync(ct);
        var region = HttpContext.Region().Id;
        var form = ReadForm();
        var technique = form.Enum<Technique>("technique");
        var year = form.WholeNumber("year");
        var value = form.Number("valueMwh");
        var date = form.Date("referenceDate");
        var code = form.Text("municipality");
        var municipality = code is null ? null : await Db.MunicipalitiesOf(region).FirstOrDefaultAsync(o => o.Code == code, ct);
        if (!Errors.Any)
        {
            string? duplicate = null;
            if (municipality is not null && technique is not null && year is { } y
                && await Db.Targets.AnyAsync(t => t.MunicipalityId == municipality.Id && t.Technique == technique && t.Year == y, ct))
            {
                duplicate = $"Voor {municipality.Name} staat al een doel voor {Core.Labels.Technique(technique.Value)} in {y}: wijzig dat doel in de lijst van afgesproken bijdragen.";
            }

            Errors.Add(ReferenceValidation.MunicipalTarget(code is not null, municipality is not null, technique, year, value, form.Text("source"), date, Today, duplicate));
        }

        if (Errors.Any)
        {
            return Refused();
        }

        Db.Targets.Add(new Target
        {
            RegionId = region, MunicipalityId = municipality!.Id, Technique = technique!.Value, Year = (int)year!.Value,
            ValueMwh = value!.Value, Source = form.Text("source")!, ReferenceDate = date!.Value, Note = form.Text("note"),
        });
        await SaveAsync(ct);
        return Redirect("/beheer/referentiegegevens#gemeentedoelen");
    }
}
