using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Data;
using ResMonitor.Core.Projects;
using ResMonitor.Web.Features.Editing;
using ResMonitor.Web.Features.Projects;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.ReferenceData;

/// <summary>What the reference data forms share: the typed values, messages per field and the reason for the audit trail.</summary>
public abstract class ReferencePage(ResMonitorDbContext db, EditorAccess access, TimeProvider clock) : PageModel
{
    protected ResMonitorDbContext Db => db;

    protected EditorAccess Access => access;

    public FieldErrors Errors { get; } = new();

    public Dictionary<string, string> Values { get; protected set; } = new(StringComparer.Ordinal);

    public string Value(string field) => Values.GetValueOrDefault(field, "");

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    /// <summary>Reads the posted form; its messages go to <see cref="Errors"/>.</summary>
    protected FormReader ReadForm()
    {
        Values = FormReader.Values(Request.Form);
        return new FormReader(Values, Errors);
    }

    /// <summary>Saves under the signed-in user (channel web) with the reason from the form, if any.</summary>
    protected async Task SaveAsync(CancellationToken ct)
    {
        if (Values.GetValueOrDefault(ProjectFields.Reason)?.Trim() is { Length: > 0 } reason)
        {
            db.Actor = db.Actor with { Reason = reason };
        }

        await db.SaveChangesAsync(ct);
    }

    protected IActionResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The municipalities of the region in the address, by name, for a form's choice list.</summary>
    public IReadOnlyList<(string Code, string Name)> Municipalities { get; private set; } = [];

    protected async Task LoadMunicipalitiesAsync(CancellationToken ct) =>
        Municipalities = (await db.MunicipalitiesOf(HttpContext.Region().Id).OrderBy(o => o.Name).Select(o => new { o.Code, o.Name }).ToListAsync(ct))
            .Select(o => (o.Code, o.Name)).ToList();

    protected static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    protected static string Number(decimal? value) => value?.ToString("0.######", Core.DutchFormat.Culture) ?? "";
}
