using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ResMonitor.Core.Accounts;
using ResMonitor.Core.Data;
using ResMonitor.Core.Projects;
using ResMonitor.Web.Features.Editing;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.Projects;

/// <summary>Records a new project with its first phase; the id must be new.</summary>
[Authorize(Policy = Roles.Redacteur)]
public sealed class NewProjectModel(ResMonitorDbContext db, ProjectEditor editor, EditorAccess access)
    : ProjectFormPage(db, editor, access)
{
    public override bool IsNew => true;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await Access.ScopeAsync(ct)).EditsProjects)
        {
            return Status(StatusCodes.Status403Forbidden);
        }

        await LoadChoicesAsync(ct);
        Form = ProjectForm.Empty(Today);
        var scope = await Access.ScopeAsync(ct);
        if (scope.Organisation is { Kind: Core.Regions.OrganisationKind.Municipality } municipality)
        {
            Form.Values[ProjectFields.Municipality] = municipality.Code;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await Access.ScopeAsync(ct);
        if (!scope.EditsProjects)
        {
            return Status(StatusCodes.Status403Forbidden);
        }

        var (form, input) = ProjectForm.Read(Request.Form, Errors);
        Form = form;
        Reason = Request.Form[ProjectFields.Reason].ToString();
        if (!Errors.Any)
        {
            var outcome = await Editor.CreateAsync(HttpContext.Region().Id, input, scope, Reason, ct);
            if (outcome.Status == EditStatus.Saved)
            {
                return Redirect($"/beheer/projecten/{Uri.EscapeDataString(outcome.Project!.Id)}?opgeslagen=1");
            }

            Errors.Add(outcome.Errors);
        }

        await LoadChoicesAsync(ct);
        return Refused(StatusCodes.Status400BadRequest);
    }
}
