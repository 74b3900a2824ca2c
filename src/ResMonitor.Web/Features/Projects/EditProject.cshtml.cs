using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Accounts;
using ResMonitor.Core.Data;
using ResMonitor.Core.Projects;
using ResMonitor.Web.Features.Editing;

namespace ResMonitor.Web.Features.Projects;

/// <summary>
/// Edits one project: every field, the permits, a new dated phase, and a reason for the audit trail. Refuses a save
/// from a form whose project changed in between and says what changed, by whom and when.
/// </summary>
[Authorize(Policy = Roles.Redacteur)]
public sealed class EditProjectModel(ResMonitorDbContext db, ProjectEditor editor, EditorAccess access)
    : ProjectFormPage(db, editor, access)
{
    public override bool IsNew => false;

    /// <summary>True right after a successful save.</summary>
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string? opgeslagen, CancellationToken ct)
    {
        var project = await Editor.FindAsync(id, ct);
        if (project is null)
        {
            return Status(StatusCodes.Status404NotFound);
        }

        if (!(await Access.ScopeAsync(ct)).Allows(project))
        {
            return Status(StatusCodes.Status403Forbidden);
        }

        await LoadChoicesAsync(ct);
        await StartFromAsync(project, ct);
        Form = ProjectForm.Of(project, project.Municipality!.Code);
        Saved = opgeslagen == "1";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        var scope = await Access.ScopeAsync(ct);
        var (form, input) = ProjectForm.Read(Request.Form, Errors);
        Form = form;
        Reason = Request.Form[ProjectFields.Reason].ToString();
        var version = int.TryParse(Request.Form[ProjectFields.Version], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1;
        var startedFrom = ReadStartedFrom(Request.Form[ProjectForm.StartedFromField]);

        if (Errors.Any)
        {
            // Values that could not be read: check scope and existence first, then show the messages.
            var existing = await Editor.FindAsync(id, ct);
            if (existing is null)
            {
                return Status(StatusCodes.Status404NotFound);
            }

            if (!scope.Allows(existing))
            {
                return Status(StatusCodes.Status403Forbidden);
            }

            await LoadChoicesAsync(ct);
            Project = existing;
            Version = version;
            StartedFrom = Request.Form[ProjectForm.StartedFromField].ToString();
            return Refused(StatusCodes.Status400BadRequest);
        }

        var outcome = await Editor.UpdateAsync(id, input, version, startedFrom, scope, Reason, ct);
        switch (outcome.Status)
        {
            case EditStatus.NotFound:
                return Status(StatusCodes.Status404NotFound);
            case EditStatus.Forbidden:
                return Status(StatusCodes.Status403Forbidden);
            case EditStatus.Saved:
                return Redirect($"/beheer/projecten/{Uri.EscapeDataString(id)}?opgeslagen=1");
        }

        await LoadChoicesAsync(ct);
        var current = (await Editor.FindAsync(id, ct))!;
        if (outcome.Status == EditStatus.Conflict)
        {
            // The form keeps what the editor typed; it now starts from the register as it is, so that saving again
            // applies the editor's values knowingly.
            Conflict = outcome.Changes;
            await StartFromAsync(current, ct);
            return Refused(StatusCodes.Status409Conflict);
        }

        Errors.Add(outcome.Errors);
        Project = current;
        Version = version;
        StartedFrom = Request.Form[ProjectForm.StartedFromField].ToString();
        return Refused(StatusCodes.Status400BadRequest);
    }
}
