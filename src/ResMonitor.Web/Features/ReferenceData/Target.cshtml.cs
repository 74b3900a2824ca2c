using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ResMonitor.Core.Accounts;
using ResMonitor.Core.Data;
using ResMonitor.Core.Regions;
using ResMonitor.Web.Features.Accounts;
using ResMonitor.Web.Features.Editing;
using ResMonitor.Web.Features.Projects;

namespace ResMonitor.Web.Features.ReferenceData;

/// <summary>One of the region's targets: its value, source, reference date and note. Beheerder only.</summary>
[Authorize(Policy = Roles.Beheerder)]
public sealed class TargetModel(ResMonitorDbContext db, EditorAccess access, TimeProvider clock) : ReferencePage(db, access, clock)
{
    public Target Target { get; private set; } = null!;

    public bool Saved { get; private set; }

    /// <summary>The municipality of a municipal target (its agreed contribution), else null.</summary>
    public string? MunicipalityName { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? opgeslagen, CancellationToken ct)
    {
        if (await Db.Targets.FindAsync([id], ct) is not { } target)
        {
            return StatusCode(StatusCodes.Status404NotFound);
        }

        if (!User.MayAccessRegion(target.RegionId))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Target = target;
        MunicipalityName = await MunicipalityOfAsync(target, ct);
        Values = new(StringComparer.Ordinal)
        {
            ["valueMwh"] = Number(target.ValueMwh),
            ["source"] = target.Source,
            ["referenceDate"] = Iso(target.ReferenceDate),
            ["note"] = target.Note ?? "",
        };
        Saved = opgeslagen == "1";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await Db.Targets.FindAsync([id], ct) is not { } target)
        {
            return StatusCode(StatusCodes.Status404NotFound);
        }

        if (!User.MayAccessRegion(target.RegionId))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Target = target;
        MunicipalityName = await MunicipalityOfAsync(target, ct);
        var form = ReadForm();
        var value = form.Number("valueMwh");
        var date = form.Date("referenceDate");
        if (!Errors.Any)
        {
            Errors.Add(ReferenceValidation.Target(value, form.Text("source"), date, Today));
        }

        if (Errors.Any)
        {
            return Refused();
        }

        target.ValueMwh = value!.Value;
        target.Source = form.Text("source")!;
        target.ReferenceDate = date!.Value;
        target.Note = form.Text("note");
        await SaveAsync(ct);
        return Redirect($"/beheer/referentiegegevens/doelen/{id}?opgeslagen=1");
    }

    private async Task<string?> MunicipalityOfAsync(Target target, CancellationToken ct) =>
        target.MunicipalityId is { } m ? (await Db.Organisations.FindAsync([m], ct))?.Name : null;
}
