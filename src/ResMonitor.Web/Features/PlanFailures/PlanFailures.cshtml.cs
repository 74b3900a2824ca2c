using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core;
using ResMonitor.Core.Accounts;
using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Import;
using ResMonitor.Core.PlanFailures;
using ResMonitor.Core.Projects;
using ResMonitor.Web.Features.Editing;
using ResMonitor.Web.Features.Projects;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.PlanFailures;

/// <summary>
/// Planuitval for the beheerder: every recorded plan failure with its effect on the figures, and a form that records
/// one under the same rules as `resmonitor plan-failure add`.
/// </summary>
[Authorize(Policy = Roles.Beheerder)]
public sealed class PlanFailuresModel(ResMonitorDbContext db, UserManager<User> users, TimeProvider clock) : PageModel
{
    public const string ProjectPrefix = "project:";
    public const string SearchAreaPrefix = "zoekgebied:";

    /// <summary>The plan: "project:ID" or "zoekgebied:ID".</summary>
    [BindProperty]
    public string? Plan { get; set; }

    [BindProperty]
    public PlanFailureKind? Soort { get; set; }

    [BindProperty]
    public DateOnly? Datum { get; set; }

    [BindProperty]
    public PlanFailureReason? Reden { get; set; }

    [BindProperty]
    public string? Toelichting { get; set; }

    [BindProperty]
    public string? Percentage { get; set; }

    [BindProperty]
    public DateOnly? Verwacht { get; set; }

    [BindProperty]
    public string? Opbrengst { get; set; }

    [TempData]
    public string? Melding { get; set; }

    public string? Done { get; private set; }

    public FieldErrors Errors { get; } = new() { Order = { "plan", "soort", "datum", "reden", "toelichting", "percentage", "verwacht", "opbrengst" } };

    public IReadOnlyList<PlanChoice> Projects { get; private set; } = [];

    public IReadOnlyList<PlanChoice> SearchAreas { get; private set; } = [];

    public IReadOnlyList<Recorded> Records { get; private set; } = [];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public async Task OnGetAsync(string? project, CancellationToken ct)
    {
        Done = Melding;
        Datum = Today;
        if (project is not null)
        {
            Plan = ProjectPrefix + project;
        }

        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var regionId = HttpContext.Region().Id;
        var failure = new PlanFailure
        {
            RegionId = regionId,
            ProjectId = Plan?.StartsWith(ProjectPrefix, StringComparison.Ordinal) == true ? Plan[ProjectPrefix.Length..] : null,
            SearchAreaId = Plan?.StartsWith(SearchAreaPrefix, StringComparison.Ordinal) == true ? Plan[SearchAreaPrefix.Length..] : null,
            Kind = Soort ?? PlanFailureKind.None,
            Date = Datum ?? Today,
            Reason = Reden ?? PlanFailureReason.Other,
            Explanation = Toelichting?.Trim() ?? "",
            RealisedPercent = Number(Percentage, "percentage", "Vul het deel dat wel wordt gerealiseerd in als percentage, bijvoorbeeld 60."),
            ExpectedOn = Verwacht,
            LostMwh = Number(Opbrengst, "opbrengst", "Vul de verloren opbrengst in als aantal MWh per jaar, bijvoorbeeld 12.500."),
            RecordedBy = (await users.GetUserAsync(User))?.DisplayName ?? User.Identity?.Name ?? "onbekend",
            RecordedAt = clock.GetUtcNow(),
        };
        if (Soort is null)
        {
            Errors.Add("soort", "Kies wat er met het plan gebeurt: geen, gedeeltelijke of vertraagde realisatie.");
        }

        if (Datum is null)
        {
            Errors.Add("datum", "Geef de datum van de planuitval.");
        }

        if (Reden is null)
        {
            Errors.Add("reden", "Kies de hoofdreden.");
        }

        var project = failure.ProjectId is null ? null
            : await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == failure.ProjectId && p.RegionId == regionId, ct);
        var areaExists = failure.SearchAreaId is not null && await db.SearchAreas.AnyAsync(a => a.Id == failure.SearchAreaId && a.RegionId == regionId, ct);
        foreach (var problem in PlanFailureRules.Validate(failure, project, areaExists, Today))
        {
            var input = problem.Field switch
            {
                "project" or "zoekgebied" => "plan",
                "soort" when Soort is null => null,
                "datum" when Datum is null => null,
                var field => field,
            };
            if (input is not null && !Errors.Has(input))
            {
                Errors.Add(input, problem.Message);
            }
        }

        if (Errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }

        db.PlanFailures.Add(failure);
        await db.SaveChangesAsync(ct);
        var name = project?.Name ?? await db.SearchAreas.Where(a => a.Id == failure.SearchAreaId).Select(a => a.Name).FirstAsync(ct);
        Melding = $"Planuitval vastgelegd voor {name}: {PlanFailureLabels.Kinds[failure.Kind]} per {DutchFormat.Date(failure.Date)}. Het overzicht en de prognose rekenen er nu mee.";
        return Redirect("/beheer/planuitval");
    }

    private decimal? Number(string? text, string field, string hint)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DutchNumber.TryParse(text, out var value, out _))
        {
            return value;
        }

        Errors.Add(field, hint);
        return null;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var regionId = HttpContext.Region().Id;
        var projects = await db.Projects.AsNoTracking().Where(p => p.RegionId == regionId)
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Name, p.Phase, p.Technique, p.CapacityMw, p.MunicipalityId, p.MeasuredYieldMwh, p.IsExample })
            .ToListAsync(ct);
        var areas = await db.SearchAreas.AsNoTracking().Where(a => a.RegionId == regionId)
            .OrderBy(a => a.Name).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.Name, a.IsExample })
            .ToListAsync(ct);
        Projects = projects.Select(p => new PlanChoice(ProjectPrefix + p.Id, p.Name, p.Phase, p.IsExample)).ToList();
        SearchAreas = areas.Select(a => new PlanChoice(SearchAreaPrefix + a.Id, a.Name, null, a.IsExample)).ToList();

        var failures = await db.PlanFailures.AsNoTracking().Where(f => f.RegionId == regionId)
            .OrderByDescending(f => f.Date).ThenByDescending(f => f.Id).ToListAsync(ct);
        var inForce = PlanFailureRules.LatestPerProject(failures.Where(f => f.Date <= Today));
        var calculator = new YieldCalculator(await db.FullLoadHours.AsNoTracking().Where(h => h.RegionId == regionId).ToListAsync(ct), Today);
        var byId = projects.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var areaNames = areas.ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);
        Records = failures.Select(f =>
        {
            if (f.ProjectId is { } id && byId.TryGetValue(id, out var p))
            {
                var yield = calculator.Estimate(p.Technique, p.CapacityMw, p.MunicipalityId, p.MeasuredYieldMwh).Mwh;
                var current = inForce.TryGetValue(id, out var latest) && latest.Id == f.Id;
                return new Recorded(f, p.Name, $"/projecten/{Uri.EscapeDataString(id)}", p.Phase, yield, current);
            }

            return new Recorded(f, f.SearchAreaId is { } area ? areaNames.GetValueOrDefault(area, area) : f.ProjectId ?? "?", null, null, null, false);
        }).ToList();
    }

    /// <summary>A project or search area to choose in the form.</summary>
    public sealed record PlanChoice(string Value, string Name, Phase? Phase, bool IsExample);

    /// <summary>A recorded plan failure with what the page needs to say about it.</summary>
    /// <param name="YieldMwh">The project's yearly yield (measured, or capacity × full-load hours); null for a search area.</param>
    /// <param name="InForce">For a project: whether this is the record the figures use (the latest one).</param>
    public sealed record Recorded(PlanFailure Failure, string Name, string? Link, Phase? Phase, decimal? YieldMwh, bool InForce);
}
