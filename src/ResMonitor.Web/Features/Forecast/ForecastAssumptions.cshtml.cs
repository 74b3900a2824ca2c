using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResMonitor.Core;
using ResMonitor.Core.Accounts;
using ResMonitor.Core.Data;
using ResMonitor.Core.Forecast;
using ResMonitor.Core.Import;
using ResMonitor.Core.Projects;
using ResMonitor.Web.Features.Editing;
using ResMonitor.Web.Features.Projects;
using ResMonitor.Web.Features.Regions;
using ResMonitor.Web.Features.Register;

namespace ResMonitor.Web.Features.Forecast;

/// <summary>
/// The forecast assumptions for the beheerder: the version in force, the earlier (and any unusable) versions, and a
/// form that saves a new version. A saved version is never changed.
/// </summary>
[Authorize(Policy = Roles.Beheerder)]
public sealed class ForecastAssumptionsModel(ResMonitorDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>The phases a beheerder sets; realised and withdrawn projects count fully or not at all, whatever is stored.</summary>
    public static readonly Phase[] Editable = [Phase.Idea, Phase.InProcedure, Phase.Permitted, Phase.Irrevocable, Phase.Subsidy, Phase.UnderConstruction];

    [BindProperty]
    public string? Versie { get; set; }

    [BindProperty]
    public DateOnly? GeldigVanaf { get; set; }

    [BindProperty]
    public string? Bron { get; set; }

    [BindProperty]
    public List<PhaseInput> Fasen { get; set; } = [];

    [TempData]
    public string? Melding { get; set; }

    public string? Done { get; private set; }

    public FieldErrors Errors { get; } = Ordered();

    public IReadOnlyList<StoredAssumptions> Versions { get; private set; } = [];

    /// <summary>The version the forecast uses today (the defaults when no stored version can be used).</summary>
    public ForecastAssumptions InForce { get; private set; } = ForecastAssumptions.Defaults;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Done = Melding;
        await LoadAsync(ct);
        Versie = SuggestedName();
        GeldigVanaf = Today;
        Bron = "";
        Fasen = Editable.Select(p => PhaseInput.From(InForce.For(p))).ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var phases = new List<PhaseAssumption>();
        foreach (var phase in Editable)
        {
            var input = Fasen.FirstOrDefault(f => f.Fase == phase) ?? new PhaseInput { Fase = phase };
            phases.Add(new PhaseAssumption(
                phase,
                (double)(Number(input.Kans, "kans", phase, "vul de kans in als percentage, bijvoorbeeld 25 of 37,5.") / 100m),
                (double)Number(input.Kortst, "kortst", phase, "vul de kortste vertraging in als aantal maanden, bijvoorbeeld 12."),
                (double)Number(input.Waarschijnlijkst, "waarschijnlijkst", phase, "vul de meest waarschijnlijke vertraging in als aantal maanden, bijvoorbeeld 24."),
                (double)Number(input.Langst, "langst", phase, "vul de langste vertraging in als aantal maanden, bijvoorbeeld 48."),
                input.Onderbouwing?.Trim() ?? ""));
        }

        // Realised and withdrawn projects are certain either way: those two stay as they are in force.
        phases.AddRange(InForce.Phases.Where(p => !Editable.Contains(p.Phase)));
        if (GeldigVanaf is null)
        {
            Errors.Add("geldigvanaf", "Geef de datum vanaf wanneer deze versie geldt, bijvoorbeeld vandaag.");
        }

        var draft = new ForecastAssumptions(Versie?.Trim() ?? "", GeldigVanaf ?? Today, Bron?.Trim() ?? "", phases);
        var parseErrors = Errors.Any;
        foreach (var problem in ForecastAssumptionStore.Validate(draft, Versions, Today))
        {
            Show(problem);
        }

        if (Errors.Any || parseErrors)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var problems = await new ForecastAssumptionStore(db).AddAsync(HttpContext.Region().Id, draft, Today, ct);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                Show(problem);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Melding = draft.ValidFrom <= Today
            ? $"Versie ‘{draft.Version}’ is opgeslagen en geldt vanaf {DutchFormat.Date(draft.ValidFrom)}. De prognose rekent er nu mee."
            : $"Versie ‘{draft.Version}’ is opgeslagen. De prognose rekent ermee vanaf {DutchFormat.Date(draft.ValidFrom)}.";
        return Redirect("/beheer/prognose");
    }

    private static readonly string[] PhaseFields = ["kans", "kortst", "waarschijnlijkst", "langst", "onderbouwing"];

    private static FieldErrors Ordered()
    {
        var errors = new FieldErrors { Order = { "versie", "geldigvanaf", "bron" } };
        errors.Order.AddRange(Editable.SelectMany(p => PhaseFields.Select(f => InputId(f, p))));
        return errors;
    }

    /// <summary>The input id a problem belongs to; a problem about the three delays is shown once, by the first.</summary>
    public static string InputId(string field, Phase phase) => $"{field}-{phase.ToString().ToLowerInvariant()}";

    public static string DelayErrorId(Phase phase) => $"vertraging-{phase.ToString().ToLowerInvariant()}-fout";

    private void Show(AssumptionProblem problem)
    {
        switch (problem)
        {
            case { Phase: null }:
                Errors.Add(problem.Field, problem.Message);
                break;
            case { Phase: { } phase } when !Editable.Contains(phase):
                Errors.Add("bron", problem.Message);
                break;
            case { Phase: { } phase, Field: "vertraging" }:
                if (!Errors.Has(InputId("kortst", phase)) && !Errors.Has(InputId("waarschijnlijkst", phase)) && !Errors.Has(InputId("langst", phase)))
                {
                    Errors.AddFor(InputId("kortst", phase), DelayErrorId(phase), problem.Message);
                }

                break;
            case { Phase: { } phase, Field: "fase" }:
                Errors.Add(InputId("kans", phase), problem.Message);
                break;
            case { Phase: { } phase }:
                // A field that could not be read already says so; the rule's message about its placeholder would confuse.
                if (!Errors.Has(InputId(problem.Field, phase)))
                {
                    Errors.Add(InputId(problem.Field, phase), problem.Message);
                }

                break;
        }
    }

    private decimal Number(string? text, string field, Phase phase, string hint)
    {
        if (text is not null && DutchNumber.TryParse(text, out var value, out _))
        {
            return value;
        }

        Errors.Add(InputId(field, phase), $"Fase {Labels.Phase(phase)}: {hint}");
        return 0m;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Versions = await new ForecastAssumptionStore(db).VersionsAsync(HttpContext.Region().Id, ct);
        InForce = StoredAssumptions.InForce(Versions, Today);
    }

    private string SuggestedName()
    {
        var name = $"{HttpContext.Region().Id}-{Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        var candidate = name;
        for (var n = 2; Versions.Any(v => string.Equals(v.Assumptions.Version, candidate, StringComparison.OrdinalIgnoreCase)); n++)
        {
            candidate = $"{name}-{n}";
        }

        return candidate;
    }

    /// <summary>One phase as typed in the form: the chance as a percentage, the delays in months, the reasoning.</summary>
    public sealed class PhaseInput
    {
        public Phase Fase { get; set; }

        public string? Kans { get; set; }

        public string? Kortst { get; set; }

        public string? Waarschijnlijkst { get; set; }

        public string? Langst { get; set; }

        public string? Onderbouwing { get; set; }

        public static PhaseInput From(PhaseAssumption a) => new()
        {
            Fase = a.Phase,
            Kans = Format(a.RealisationProbability * 100),
            Kortst = Format(a.MinMonths),
            Waarschijnlijkst = Format(a.ModeMonths),
            Langst = Format(a.MaxMonths),
            Onderbouwing = a.Reasoning,
        };

        private static string Format(double value) => Math.Round(value, 4).ToString("0.####", DutchFormat.Culture);
    }
}
