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

    /// <summary>For the column-matching step: the columns the file's unknown headers may be matched to, with their labels.</summary>
    public static IReadOnlyList<(string Column, string Label)> Fields { get; } =
        ImportColumns.Known.Select(c => (c, ImportColumns.Label(c) == c ? c : $"{ImportColumns.Label(c)} ({c})")).ToList();

    /// <summary>What happened to this user's decisions about possible duplicates (someone else may have been first).</summary>
    public List<string> DecisionNotices { get; } = [];

    /// <summary>Headers matched on an earlier upload of this organisation and applied to this file.</summary>
    public List<string> RememberedMappings { get; } = [];

    /// <summary>The XLSX template: the columns with Dutch headers, drop-down lists and a sheet that explains them.</summary>
    public async Task<IActionResult> OnGetSjabloonAsync(CancellationToken ct)
    {
        var region = HttpContext.Region();
        var municipalities = await db.Organisations.AsNoTracking()
            .Where(o => o.RegionId == region.Id && o.Kind == Core.Regions.OrganisationKind.Municipality)
            .Select(o => o.Name).ToListAsync(ct);
        var bytes = ImportTemplate.Write(region.Name ?? region.Id, municipalities, Today);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"sjabloon-projecten-{region.Id}.xlsx");
    }

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
        return Checked(store, upload);
    }

    /// <summary>Step 1b: the unknown columns matched to fields (or ignored); remembered for the organisation, then checked again.</summary>
    public async Task<IActionResult> OnPostKoppelenAsync(string? token, bool overschrijven, string[]? kop, string[]? veld, CancellationToken ct)
    {
        var scope = await LoadScopeAsync();
        Overwrite = overschrijven;
        var store = UploadStore.Default(clock);
        if (store.Find(token, UserId()) is not { } upload)
        {
            return Refuse("Dit bestand is niet meer beschikbaar (na een uur wordt het gewist, of het is al ingelezen). Kies het opnieuw.", StatusCodes.Status410Gone);
        }

        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < (kop?.Length ?? 0) && i < (veld?.Length ?? 0); i++)
        {
            var choice = veld![i];
            if (choice == ImportColumns.Ignore || ImportColumns.Known.Contains(choice))
            {
                mapping[ImportColumns.Key(kop![i])] = choice;
            }
        }

        await new ImportMemory(db, clock).RememberAsync(Owner(scope), mapping, User.Identity?.Name ?? UserId(), ct);
        Report = await RunAsync(upload, scope, dryRun: true, ct);
        return Checked(store, upload);
    }

    private PageResult Checked(UploadStore store, UploadStore.Upload upload)
    {
        if ((Report!.Succeeded && (Report.Added.Count > 0 || Report.Changed.Count > 0 || Report.HeldBack.Count > 0)) || Report.UnknownColumns.Count > 0)
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

    /// <summary>
    /// Step 2: store the decisions about possible duplicates (the first stored decision of a row counts; a later one
    /// is told whose counts), then import the kept file for real.
    /// </summary>
    public async Task<IActionResult> OnPostImporterenAsync(string? token, bool overschrijven, Dictionary<string, string>? besluit, CancellationToken ct)
    {
        var scope = await LoadScopeAsync();
        Overwrite = overschrijven;
        var store = UploadStore.Default(clock);
        if (store.Find(token, UserId()) is not { } upload)
        {
            return Refuse("Dit bestand is niet meer beschikbaar (na een uur wordt het gewist, of het is al ingelezen). Kies het opnieuw.", StatusCodes.Status410Gone);
        }

        await DecideAsync(besluit, ct);
        try
        {
            Report = await RunAsync(upload, scope, dryRun: false, ct);
            Imported = Report.Succeeded;
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
            // Another import wrote the same projects a moment earlier: nothing of this one is stored.
            return Refuse("Terwijl dit bestand werd ingelezen, heeft iemand anders dezelfde projecten ingelezen. Er is niets opgeslagen; controleer het bestand opnieuw.", StatusCodes.Status409Conflict);
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

    private async Task DecideAsync(Dictionary<string, string>? choices, CancellationToken ct)
    {
        var memory = new ImportMemory(db, clock);
        var regionId = HttpContext.Region().Id;
        foreach (var (key, choice) in choices ?? [])
        {
            string? sameAs;
            if (choice == "nieuw")
            {
                sameAs = null;
            }
            else if (choice.StartsWith("zelfde:", StringComparison.Ordinal) && choice.Length > "zelfde:".Length)
            {
                sameAs = choice["zelfde:".Length..];
            }
            else
            {
                continue;
            }

            if (key.Length > 64)
            {
                continue;
            }

            var outcome = await memory.DecideAsync(regionId, key, sameAs, User.Identity?.Name ?? UserId(), ct);
            if (!outcome.Ours)
            {
                var what = outcome.Stored.SameAs is null
                    ? "dit is een nieuw project"
                    : $"dit is hetzelfde project als {outcome.Stored.SameAs}";
                DecisionNotices.Add(string.Equals(outcome.Stored.SameAs, sameAs, StringComparison.Ordinal)
                    ? $"Over '{key}' had {outcome.Stored.DecidedBy} al hetzelfde besloten ({what})."
                    : $"Over '{key}' had {outcome.Stored.DecidedBy} al besloten, op {L(outcome.Stored.DecidedAt)}: {what}. Dat besluit geldt; uw keuze is niet opgeslagen.");
            }
        }
    }

    private string L(DateTimeOffset at) => DutchFormat.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone).Date)) +
                                          " " + TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone).ToString("HH:mm", DutchFormat.Culture);

    /// <summary>Whose remembered column matches: the redacteur's organisation, or the region's werkbureau.</summary>
    private string Owner((int? Id, string? Name) scope) =>
        scope.Id is { } id ? $"organisatie:{id}" : $"werkbureau:{HttpContext.Region().Id}";

    private async Task<ImportReport> RunAsync(UploadStore.Upload upload, (int? Id, string? Name) scope, bool dryRun, CancellationToken ct)
    {
        var memory = new ImportMemory(db, clock);
        var mapping = await memory.MappingsAsync(Owner(scope), ct);
        var decisions = await memory.DecisionsAsync(HttpContext.Region().Id, ct);
        var importer = new ProjectImporter(db, ImportSettings.From(configuration), clock);
        var request = new ImportRequest(HttpContext.Region().Id, upload.FileName, dryRun)
        {
            OverwriteCorrections = Overwrite,
            OnlyMunicipality = scope.Id,
            OnlyMunicipalityName = scope.Name,
            Importer = scope.Id is null ? "het werkbureau" : $"gemeente {scope.Name}",
            ColumnMapping = mapping,
            Decisions = decisions,
        };
        var report = await importer.ImportFileAsync(request, upload.Path, ct);
        RememberedMappings.Clear();
        RememberedMappings.AddRange(report.AppliedMappings.Select(m => m.Value == ImportColumns.Ignore
            ? $"'{m.Key}' wordt genegeerd"
            : $"'{m.Key}' is {ImportColumns.Label(m.Value)} ({m.Value})"));
        return report;
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
