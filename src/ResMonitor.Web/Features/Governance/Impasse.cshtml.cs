using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResMonitor.Core.Accounts;
using ResMonitor.Core.Governance;
using ResMonitor.Core.Regions;
using ResMonitor.Web.Features.Accounts;
using ResMonitor.Web.Features.Editing;
using ResMonitor.Web.Features.Projects;

namespace ResMonitor.Web.Features.Governance;

/// <summary>
/// One impasse: its whole timeline and the forms for what can happen next. Every form adds one event; a refused
/// transition answers 409 with the reason, a form error 400 with the message next to the field, and stores nothing.
/// </summary>
[Authorize(Policy = Roles.DraftReaders)]
public sealed class ImpasseModel(
    EscalationService escalation, TimeProvider clock, ResMonitor.Web.Infrastructure.Language language, Microsoft.AspNetCore.Identity.UserManager<User> users) : PageModel
{
    public Impasse Impasse { get; private set; } = null!;

    public EscalationState State { get; private set; } = null!;

    public IReadOnlyList<Organisation> Bodies { get; private set; } = [];

    public TimelineView Timeline => new(Impasse, Bodies.ToDictionary(b => b.Id, b => b.Name), PublicOnly: false);

    public FieldErrors Errors { get; } = new();

    /// <summary>Which form the errors belong to, so its fields keep what was typed.</summary>
    public string? Failed { get; private set; }

    public string? Done { get; private set; }

    [BindProperty] public int Stap { get; set; }
    [BindProperty] public EscalationTrigger? StapAanleiding { get; set; }
    [BindProperty] public string? Reden { get; set; }
    [BindProperty] public string? Eigenaar { get; set; }
    [BindProperty] public string? Mandaat { get; set; }
    [BindProperty] public DateOnly? Start { get; set; }
    [BindProperty] public DateOnly? Deadline { get; set; }
    [BindProperty] public string? Opdracht { get; set; }
    [BindProperty] public string? Resultaat { get; set; }
    [BindProperty] public string? DocumentTitel { get; set; }
    [BindProperty] public string? Verwijzing { get; set; }
    [BindProperty] public bool DocumentOpenbaar { get; set; }
    [BindProperty] public string? Uitkomst { get; set; }
    [BindProperty] public int? Organisatie { get; set; }
    [BindProperty] public string? Boodschap { get; set; }
    [BindProperty] public DateOnly? Datum { get; set; }
    [BindProperty] public ImpasseClosure Afsluiting { get; set; }
    [BindProperty] public string? Samenvatting { get; set; }

    [TempData] public string? Melding { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not StatusCodes.Status200OK and var refused)
        {
            return StatusCode(refused);
        }

        Done = Melding;
        return Page();
    }

    public Task<IActionResult> OnPostStapAsync(long id, CancellationToken ct) => WriteAsync(id, "stap", () =>
        Start is null
            ? Missing("start", "Geef de startdatum van de stap.")
            : escalation.StartStepAsync(Impasse, new StepRequest(Stap, StapAanleiding, Reden, Eigenaar, Mandaat, Start.Value, Deadline, Opdracht, Resultaat), By, clock.GetUtcNow(), ct),
        language.T($"Stap {Stap} is gestart.", $"Step {Stap} has started."), ct);

    public Task<IActionResult> OnPostDocumentAsync(long id, CancellationToken ct) => WriteAsync(id, "document", () =>
        escalation.AddDocumentAsync(Impasse, DocumentTitel, Verwijzing, DocumentOpenbaar, Datum ?? Today, By, clock.GetUtcNow(), ct),
        language.T("Het document is toegevoegd.", "The document has been added."), ct);

    public Task<IActionResult> OnPostUitkomstAsync(long id, CancellationToken ct) => WriteAsync(id, "uitkomst", () =>
        escalation.RecordOutcomeAsync(Impasse, Uitkomst, Datum ?? Today, By, clock.GetUtcNow(), ct),
        language.T("De uitkomst is vastgelegd.", "The outcome has been recorded."), ct);

    public Task<IActionResult> OnPostInformerenAsync(long id, CancellationToken ct) => WriteAsync(id, "informeren", () =>
        Organisatie is null
            ? Missing("organisatie", "Kies de volksvertegenwoordiging die is geïnformeerd.")
            : escalation.InformBodyAsync(Impasse, Organisatie.Value, Boodschap, Datum ?? Today, By, clock.GetUtcNow(), ct),
        language.T("Vastgelegd wie is geïnformeerd.", "Recorded who was informed."), ct);

    public Task<IActionResult> OnPostAfsluitenAsync(long id, CancellationToken ct) => WriteAsync(id, "afsluiten", () =>
        escalation.CloseAsync(Impasse, Afsluiting, Uitkomst, Datum ?? Today, By, clock.GetUtcNow(), ct),
        language.T("De impasse is afgesloten.", "The impasse has been closed."), ct);

    public Task<IActionResult> OnPostPublicerenAsync(long id, CancellationToken ct) => WriteAsync(id, "publiceren", () =>
        escalation.PublishAsync(Impasse, Samenvatting, Today, By, clock.GetUtcNow(), ct),
        language.T("De samenvatting staat op de openbare pagina.", "The summary is on the public page."), ct);

    /// <summary>A lezer reads the whole record; only the beheerder adds to it.</summary>
    public bool CanWrite => User.IsInRole(Roles.Beheerder);

    private async Task<IActionResult> WriteAsync(long id, string form, Func<Task<EscalationResult>> write, string done, CancellationToken ct)
    {
        _by = (await users.GetUserAsync(User))?.DisplayName ?? "onbekend";
        if (!CanWrite)
        {
            return Forbid();
        }

        if (await LoadAsync(id, ct) is not StatusCodes.Status200OK and var refused)
        {
            return StatusCode(refused);
        }

        var result = await write();
        if (result.Succeeded)
        {
            Melding = done;
            return Redirect($"/beheer/impasses/{id}");
        }

        Errors.Add(result.Problems);
        Failed = form;
        Response.StatusCode = result.IsConflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Loads the impasse: 200, or 404 when it is unknown, 403 when it belongs to another region than the user's.</summary>
    private async Task<int> LoadAsync(long id, CancellationToken ct)
    {
        if (await escalation.FindAsync(id, ct) is not { } impasse)
        {
            return StatusCodes.Status404NotFound;
        }

        if (!User.MayAccessRegion(impasse.RegionId))
        {
            return StatusCodes.Status403Forbidden;
        }

        Impasse = impasse;
        State = EscalationState.Of(impasse);
        Bodies = await escalation.RepresentedBodiesAsync(impasse.RegionId, ct);
        return StatusCodes.Status200OK;
    }

    private static Task<EscalationResult> Missing(string field, string message) =>
        Task.FromResult(new EscalationResult(null, [new EscalationProblem(field, message)]));

    /// <summary>Who records, by display name: the timeline is read by other users, who never see an e-mail address.</summary>
    private string By => _by ?? "onbekend";

    private string? _by;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);
}
