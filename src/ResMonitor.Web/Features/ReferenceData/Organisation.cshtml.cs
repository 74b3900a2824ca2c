using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ResMonitor.Core.Accounts;
using ResMonitor.Core.Data;
using ResMonitor.Core.Regions;
using ResMonitor.Web.Features.Editing;
using ResMonitor.Web.Features.Projects;

namespace ResMonitor.Web.Features.ReferenceData;

/// <summary>An organisation's record: name, description, website and population with its date and source. A redacteur edits only their own.</summary>
[Authorize(Policy = Roles.Redacteur)]
public sealed class OrganisationModel(ResMonitorDbContext db, EditorAccess access, TimeProvider clock) : ReferencePage(db, access, clock)
{
    public Organisation Organisation { get; private set; } = null!;

    public bool Saved { get; private set; }

    public bool MayListAll { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? opgeslagen, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is { } refused)
        {
            return refused;
        }

        Values = new(StringComparer.Ordinal)
        {
            ["name"] = Organisation.Name,
            ["description"] = Organisation.Description ?? "",
            ["website"] = Organisation.Website ?? "",
            ["population"] = Organisation.Population?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["populationReferenceDate"] = Iso(Organisation.PopulationReferenceDate),
            ["populationSource"] = Organisation.PopulationSource ?? "",
        };
        Saved = opgeslagen == "1";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var form = ReadForm();
        var population = form.WholeNumber("population");
        var date = form.Date("populationReferenceDate");
        if (population > int.MaxValue)
        {
            Errors.Add("population", "Dat zijn meer inwoners dan er op aarde wonen.");
        }

        if (Errors.Any)
        {
            return Refused();
        }

        Errors.Add(ReferenceValidation.Organisation(form.Text("name"), form.Text("website"), (int?)population, date, form.Text("populationSource"), Today));
        if (Errors.Any)
        {
            return Refused();
        }

        var record = await Db.Organisations.FindAsync([id], ct);
        record!.Name = form.Text("name")!;
        record.Description = form.Text("description");
        record.Website = form.Text("website");
        record.Population = (int?)population;
        record.PopulationReferenceDate = date;
        record.PopulationSource = form.Text("populationSource");
        await SaveAsync(ct);
        return Redirect($"/beheer/referentiegegevens/organisaties/{id}?opgeslagen=1");
    }

    /// <summary>Loads the organisation, or the answer when it is unknown (404) or not the editor's (403).</summary>
    private async Task<IActionResult?> FindAsync(int id, CancellationToken ct)
    {
        var scope = await Access.ScopeAsync(ct);
        MayListAll = scope.EditsReferenceData;
        var organisation = await Db.Organisations.FindAsync([id], ct);
        if (organisation is null)
        {
            return StatusCode(StatusCodes.Status404NotFound);
        }

        if (!scope.MayEditOrganisation(organisation))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Organisation = organisation;
        return null;
    }
}
