using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Accounts;
using ResMonitor.Core.Data;
using ResMonitor.Core.Grid;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.Grid;

/// <summary>Changes or ends one congestion record; a grid operator's redacteur only their own operator's records.</summary>
[Authorize(Policy = Roles.Redacteur)]
public sealed class EditCongestionModel(CongestionService register, UserManager<User> users, ResMonitorDbContext db, TimeProvider clock)
    : CongestionFormModel(register, users, db, clock)
{
    public Congestion Record { get; private set; } = null!;

    public string OperatorName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        Fill(Record, await Register.AreaKeyAsync(Record, ct), Record.GridOperator!.Code);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        if (Record.IsExample)
        {
            Fill(Record, await Register.AreaKeyAsync(Record, ct), Record.GridOperator!.Code);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        return await SaveAsync(Record, ct);
    }

    /// <summary>The record and the rights on it; a result when the page must not be shown.</summary>
    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        if (!await PrepareAsync(ct))
        {
            return Forbid();
        }

        var record = await Register.FindAsync(HttpContext.Region().Id, id, ct);
        if (record is null)
        {
            // A record of another region than the one the editor works in is refused, not hidden.
            return await Db.Congestions.AnyAsync(c => c.Id == id, ct) ? Forbid() : NotFound();
        }

        if (!Editor.MayEdit(record.GridOperatorId))
        {
            return Forbid();
        }

        Record = record;
        OperatorName = record.GridOperator!.Name;
        return null;
    }
}
