using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core;
using ResMonitor.Core.Accounts;
using ResMonitor.Core.Data;
using ResMonitor.Core.Import;
using ResMonitor.Web.Features.Editing;
using ResMonitor.Web.Features.Projects;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.Import;

/// <summary>
/// Import a project file (CSV or XLSX) through the site: choose the file, read the full dry-run report (new projects,
/// changes old → new, kept manual corrections, every error), then confirm. The file waits on the server under a
/// random token bound to the user, so confirming does not upload it again. A redacteur imports the projects of their
/// own municipality only.
/// </summary>
[Authorize(Policy = Roles.Redacteur)]
[UploadLimit]
public sealed class ImportModel(ResMonitorDbContext db, UserManager<User> users, IConfiguration configuration, TimeProvider clock) : PageModel
{
    public ImportReport? Report { get; private set; }

    /// <summary>True once the file has been written to the register.</summary>
    public bool Imported { get; private set; }

    public string? Token { get; private set; }

    public bool Overwrite { get; private set; }

    /// <summary>What refused the file, at the file input.</summary>
    public FieldErrors Errors { get; } = new();

    public string? Problem => Errors.Message("bestand");

    public long MaxFileBytes { get; private set; }

    /// <summary>For a redacteur: the municipality whose projects they may import.</summary>
    public string? OnlyMunicipality { get; private set; }

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public async Task OnGetAsync([FromQuery(Name = "te-groot")] long? tooLarge)
    {
        await LoadScopeAsync();
        if (tooLarge is > 0)
        {
            Errors.Add("bestand", $"Het bestand is {Size(tooLarge.Value)} groot; de grens is {Size(MaxFileBytes)}. Er is niets ingelezen. Splits het bestand of vraag de beheerder de grens te verhogen.");
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        }
    }

    /// <summary>Step 1: keep the file and show what importing it would do.</summary>
    public async Task<IActionResult> OnPostControlerenAsync(IFormFile? bestand, bool overschrijven, CancellationToken ct)
    {
        var scope = await LoadScopeAsync();
        Overwrite = overschrijven;
        if (bestand is null || bestand.Length == 0)
        {
            return Refuse("Kies een bestand: een CSV-bestand of een Excel-werkmap (.xlsx).");
        }

        if (bestand.Length > MaxFileBytes)
        {
            return Refuse($"Het bestand is {Size(bestand.Length)} groot; de grens is {Size(MaxFileBytes)}. Er is niets ingelezen.", StatusCodes.Status413PayloadTooLarge);
        }

        var extension = Path.GetExtension(bestand.FileName).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx" or ".txt"))
        {
            return Refuse($"'{UploadStore.SafeName(bestand.FileName)}' is geen CSV-bestand of Excel-werkmap (.xlsx).");
        }

        var store = UploadStore.Default(clock);
        var upload = await store.SaveAsync(bestand, UserId(), ct);
        Report = await RunAsync(upload, scope, dryRun: true, ct);
        if (Report.Succeeded && (Report.Added.Count > 0 || Report.Changed.Count > 0))
        {
            Token = upload.Token;
        }
        else
        {
            store.Delete(upload.Token);
        }

        if (!Report.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>Step 2: import the kept file for real.</summary>
    public async Task<IActionResult> OnPostImporterenAsync(string? token, bool overschrijven, CancellationToken ct)
    {
        var scope = await LoadScopeAsync();
        Overwrite = overschrijven;
        var store = UploadStore.Default(clock);
        if (store.Find(token, UserId()) is not { } upload)
        {
            return Refuse("Dit bestand is niet meer beschikbaar (na een uur wordt het gewist, of het is al ingelezen). Kies het opnieuw.", StatusCodes.Status410Gone);
        }

        try
        {
            Report = await RunAsync(upload, scope, dryRun: false, ct);
            Imported = Report.Succeeded;
        }
        finally
        {
            store.Delete(upload.Token);
        }

        if (!Report.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return Page();
    }

    private async Task<ImportReport> RunAsync(UploadStore.Upload upload, (int? Id, string? Name) scope, bool dryRun, CancellationToken ct)
    {
        var importer = new ProjectImporter(db, ImportSettings.From(configuration), clock);
        var request = new ImportRequest(HttpContext.Region().Id, upload.FileName, dryRun)
        {
            OverwriteCorrections = Overwrite,
            OnlyMunicipality = scope.Id,
            OnlyMunicipalityName = scope.Name,
        };
        return await importer.ImportFileAsync(request, upload.Path, ct);
    }

    private PageResult Refuse(string message, int status = StatusCodes.Status400BadRequest)
    {
        Errors.Add("bestand", message);
        Response.StatusCode = status;
        return Page();
    }

    private string UserId() => users.GetUserId(User) ?? throw new InvalidOperationException("No signed-in user.");

    /// <summary>The limit, and for a redacteur their one municipality (an organisation that is none: no rows at all).</summary>
    private async Task<(int? Id, string? Name)> LoadScopeAsync()
    {
        MaxFileBytes = ImportSettings.From(configuration).MaxFileBytes;
        if (User.IsInRole(Roles.Beheerder))
        {
            return (null, null);
        }

        var account = await users.GetUserAsync(User);
        var organisation = account?.OrganisationId is { } id
            ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id)
            : null;
        OnlyMunicipality = organisation?.Name ?? "geen gemeente";
        return (organisation?.Id ?? -1, OnlyMunicipality);
    }

    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / 1024m / 1024m).ToString("0.#", DutchFormat.Culture) + " MB",
        >= 1024 => (bytes / 1024m).ToString("0.#", DutchFormat.Culture) + " kB",
        _ => DutchFormat.Number(bytes, 0) + " bytes",
    };
}
