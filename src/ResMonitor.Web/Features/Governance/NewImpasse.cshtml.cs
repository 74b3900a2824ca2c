using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResMonitor.Core.Accounts;
using ResMonitor.Core.Data;
using ResMonitor.Core.Governance;
using ResMonitor.Web.Features.Editing;
using ResMonitor.Web.Features.Projects;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.Governance;

/// <summary>Opens a new impasse: topic, title, the date and the trigger that opened it.</summary>
[Authorize(Policy = Roles.Beheerder)]
public sealed class NewImpasseModel(EscalationService escalation, TimeProvider clock, Microsoft.AspNetCore.Identity.UserManager<ResMonitor.Core.Accounts.User> users) : PageModel
{
    [BindProperty]
    public string? Titel { get; set; }

    [BindProperty]
    public ImpasseTopic Onderwerp { get; set; } = ImpasseTopic.PlanFailure;

    [BindProperty]
    public string? OnderwerpTekst { get; set; }

    [BindProperty]
    public DateOnly? Datum { get; set; }

    [BindProperty]
    public EscalationTrigger Aanleiding { get; set; } = EscalationTrigger.NoConsensus;

    public FieldErrors Errors { get; } = new();

    public void OnGet() => Datum ??= Today;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Datum is null)
        {
            Errors.Add("datum", "Geef de datum waarop de impasse is vastgesteld.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var impasse = new Impasse
        {
            RegionId = HttpContext.Region().Id,
            Title = Titel?.Trim() ?? "",
            Topic = Onderwerp,
            TopicText = string.IsNullOrWhiteSpace(OnderwerpTekst) ? null : OnderwerpTekst.Trim(),
            OpenedOn = Datum.Value,
            OpeningTrigger = Aanleiding,
            // By display name: the timeline is read by other users, who never see an e-mail address.
            RecordedBy = (await users.GetUserAsync(User))?.DisplayName ?? "onbekend",
            RecordedAt = clock.GetUtcNow(),
        };
        var (opened, problems) = await escalation.OpenAsync(impasse, Today, ct);
        if (opened is null)
        {
            Errors.Add(problems);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Redirect($"/beheer/impasses/{opened.Id}");
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);
}
