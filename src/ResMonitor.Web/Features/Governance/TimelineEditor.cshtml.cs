using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Accounts;
using ResMonitor.Core.Data;
using ResMonitor.Core.Governance;
using ResMonitor.Web.Features.Accounts;
using ResMonitor.Web.Features.Editing;
using ResMonitor.Web.Features.Regions;

namespace ResMonitor.Web.Features.Governance;

/// <summary>
/// The werkbureau keeps the shared timeline (/beheer/tijdlijn): every moment of its region, a form for a new one, and
/// the same form to change one (/beheer/tijdlijn/{id}). A date is typed as it is known ("voorjaar 2022").
/// </summary>
[Authorize(Policy = Roles.Beheerder)]
public sealed class TimelineEditorModel(Timeline timeline, ResMonitorDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<DecisionMoment> Moments { get; private set; } = [];

    /// <summary>The moment being changed, or null for a new one.</summary>
    public long? Id { get; private set; }

    [BindProperty] public string? Titel { get; set; }
    [BindProperty] public string? Datum { get; set; }
    [BindProperty] public string? Soort { get; set; } = nameof(MomentKind.RegionalDecision);
    [BindProperty] public string? Niveau { get; set; } = nameof(MomentLevel.Regional);
    [BindProperty] public string? Status { get; set; } = nameof(MomentStatus.Planned);
    [BindProperty] public string? Wie { get; set; }
    [BindProperty] public bool Wettelijk { get; set; }
    [BindProperty] public string? Bron { get; set; }
    [BindProperty] public string? Toelichting { get; set; }

    public FieldErrors Errors { get; } = new();

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? id, string? opgeslagen, CancellationToken ct)
    {
        if (id is { } existing)
        {
            if (await FindAsync(existing, ct) is not { } found)
            {
                return await RefusalAsync(existing, ct);
            }

            Id = existing;
            Titel = found.Title;
            Datum = found.Date.Format();
            Soort = found.Kind.ToString();
            Niveau = found.Level.ToString();
            Status = found.Status.ToString();
            Wie = found.Bodies;
            Wettelijk = found.IsLegalDeadline;
            Bron = found.Source;
            Toelichting = found.Note;
        }

        Saved = opgeslagen == "1";
        Moments = await timeline.ListAsync(HttpContext.Region().Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, CancellationToken ct)
    {
        if (id is { } existing && await FindAsync(existing, ct) is null)
        {
            return await RefusalAsync(existing, ct);
        }

        Id = id;
        var (saved, problems) = await timeline.SaveAsync(HttpContext.Region().Id, id,
            new MomentInput(Titel, Datum, Soort, Niveau, Status, Wie, Wettelijk, Bron, Toelichting), ct);
        if (saved is null)
        {
            foreach (var problem in problems)
            {
                Errors.Add(problem.Field, problem.Message);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            Moments = await timeline.ListAsync(HttpContext.Region().Id, ct);
            return Page();
        }

        return Redirect($"/beheer/tijdlijn/{saved.Id}?opgeslagen=1");
    }

    private Task<DecisionMoment?> FindAsync(long id, CancellationToken ct)
    {
        var region = HttpContext.Region().Id;
        return db.DecisionMoments.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.RegionId == region, ct);
    }

    /// <summary>404 for a moment that does not exist; 403 for one of another region than the user's.</summary>
    private async Task<IActionResult> RefusalAsync(long id, CancellationToken ct) =>
        await db.DecisionMoments.AsNoTracking().Where(m => m.Id == id).Select(m => m.RegionId).FirstOrDefaultAsync(ct) is { } other
        && !User.MayAccessRegion(other)
            ? StatusCode(StatusCodes.Status403Forbidden)
            : StatusCode(StatusCodes.Status404NotFound);
}
