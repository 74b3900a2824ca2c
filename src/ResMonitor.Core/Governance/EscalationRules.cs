namespace ResMonitor.Core.Governance;

/// <summary>Where an impasse stands, rebuilt from its events.</summary>
public sealed record EscalationState(
    DateOnly OpenedOn,
    int CurrentStep,
    DateOnly? CurrentStart,
    DateOnly? CurrentDeadline,
    ImpasseClosure? Closure,
    DateOnly? ClosedOn,
    string? AgreedMessage,
    IReadOnlyDictionary<int, DateOnly> InformedOn,
    IReadOnlySet<int> RemindedSteps,
    string? PublicSummary)
{
    public bool IsClosed => Closure is not null;

    public bool IsPublished => PublicSummary is not null;

    public static EscalationState Of(Impasse impasse) => Of(impasse.OpenedOn, impasse.Events);

    public static EscalationState Of(DateOnly openedOn, IEnumerable<EscalationEvent> events)
    {
        var state = new EscalationState(openedOn, 0, null, null, null, null, null, new Dictionary<int, DateOnly>(), new HashSet<int>(), null);
        var informed = new Dictionary<int, DateOnly>();
        var reminded = new HashSet<int>();
        foreach (var e in events.OrderBy(e => e.Id))
        {
            state = e.Kind switch
            {
                EscalationEventKind.StepStarted => state with { CurrentStep = e.Step ?? 0, CurrentStart = e.Date, CurrentDeadline = e.Deadline },
                EscalationEventKind.BodyInformed => state with { AgreedMessage = state.AgreedMessage ?? e.Message },
                EscalationEventKind.Published => state with { PublicSummary = e.Text },
                EscalationEventKind.Closed => state with { Closure = e.Closure, ClosedOn = e.Date },
                _ => state,
            };
            if (e is { Kind: EscalationEventKind.BodyInformed, OrganisationId: { } org })
            {
                informed[org] = e.Date;
            }

            if (e is { Kind: EscalationEventKind.ReminderSent, Step: { } step })
            {
                reminded.Add(step);
            }
        }

        return state with { InformedOn = informed, RemindedSteps = reminded };
    }
}

/// <summary>Why a transition cannot be made: the field it is about (or "" for the whole request) and a Dutch sentence.</summary>
public sealed record EscalationProblem(string Field, string Message);

public sealed record StepRequest(
    int Step,
    EscalationTrigger? Trigger,
    string? Reason,
    string? Owner,
    string? Mandate,
    DateOnly Start,
    DateOnly? Deadline,
    string? Assignment,
    string? RequiredResult);

/// <summary>
/// The escalation procedure's rules: which transitions are allowed from the current state. The table decides the next
/// step and may skip steps, always with a reason; a step only moves forward; nothing is added after closing.
/// </summary>
public static class EscalationRules
{
    public const int FirstStep = 1;
    public const int LastStep = 4;

    /// <summary>The step would not follow from the current state: the answer is 409 Conflict, not a form error.</summary>
    public static bool IsConflict(EscalationProblem problem) => problem.Field.Length == 0;

    public static IReadOnlyList<EscalationProblem> Open(Impasse impasse, DateOnly today)
    {
        var problems = new List<EscalationProblem>();
        if (string.IsNullOrWhiteSpace(impasse.Title))
        {
            problems.Add(new("titel", "Geef de impasse een titel."));
        }

        if (impasse.Topic == ImpasseTopic.Other && string.IsNullOrWhiteSpace(impasse.TopicText))
        {
            problems.Add(new("onderwerp", "Beschrijf het onderwerp als u 'ander onderwerp' kiest."));
        }

        if (impasse.OpenedOn > today)
        {
            problems.Add(new("datum", $"De datum {DutchFormat.Date(impasse.OpenedOn)} ligt in de toekomst."));
        }

        return problems;
    }

    public static IReadOnlyList<EscalationProblem> StartStep(EscalationState state, StepRequest request)
    {
        var problems = new List<EscalationProblem>();
        if (state.IsClosed)
        {
            problems.Add(new("", Closed(state)));
            return problems;
        }

        if (request.Step is < FirstStep or > LastStep)
        {
            problems.Add(new("", $"De procedure kent stap 1 tot en met 4, geen stap {request.Step}."));
            return problems;
        }

        if (request.Step <= state.CurrentStep)
        {
            problems.Add(new("", $"Een stap gaat alleen vooruit: de impasse staat al in stap {state.CurrentStep}, dus stap {request.Step} kan niet meer."));
            return problems;
        }

        if (request.Step > state.CurrentStep + 1 && string.IsNullOrWhiteSpace(request.Reason))
        {
            var skipped = string.Join(" en ", Enumerable.Range(state.CurrentStep + 1, request.Step - state.CurrentStep - 1));
            problems.Add(new("reden", $"Stap {skipped} overslaan kan alleen met een reden: leg vast waarom de tafel dit besloot."));
        }

        if (state.CurrentStep > 0 && request.Trigger is null)
        {
            problems.Add(new("aanleiding", $"Geef de aanleiding om na stap {state.CurrentStep} verder te gaan."));
        }

        if (string.IsNullOrWhiteSpace(request.Owner))
        {
            problems.Add(new("eigenaar", "Geef de eigenaar van deze stap."));
        }

        if (string.IsNullOrWhiteSpace(request.Mandate))
        {
            problems.Add(new("mandaat", "Geef het mandaat dat bij deze stap hoort."));
        }

        if (request.Step == 2 && (string.IsNullOrWhiteSpace(request.Assignment) || string.IsNullOrWhiteSpace(request.RequiredResult)))
        {
            problems.Add(new("opdracht", "Stap 2 vraagt een opdrachtformulering en een resultaatverplichting, bepaald door de bestuurlijk thematrekker met het programmateam."));
        }

        var earliest = state.CurrentStart ?? state.OpenedOn;
        if (request.Start < earliest)
        {
            problems.Add(new("start", $"De start ({DutchFormat.Date(request.Start)}) ligt voor {(state.CurrentStart is null ? "de opening van de impasse" : "de start van de vorige stap")} ({DutchFormat.Date(earliest)})."));
        }

        if (request.Deadline is not { } deadline)
        {
            problems.Add(new("deadline", "Geef de deadline van deze stap."));
        }
        else if (deadline < request.Start)
        {
            problems.Add(new("deadline", $"De deadline ({DutchFormat.Date(deadline)}) ligt voor de start van de stap ({DutchFormat.Date(request.Start)})."));
        }

        return problems;
    }

    public static IReadOnlyList<EscalationProblem> AddDocument(EscalationState state, string? title, string? reference)
    {
        var problems = new List<EscalationProblem>();
        if (state.IsClosed)
        {
            problems.Add(new("", Closed(state)));
            return problems;
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            problems.Add(new("documenttitel", "Geef de titel van het document."));
        }

        if (string.IsNullOrWhiteSpace(reference))
        {
            problems.Add(new("verwijzing", "Geef de URL of het kenmerk van het document."));
        }

        return problems;
    }

    public static IReadOnlyList<EscalationProblem> RecordOutcome(EscalationState state, string? outcome, DateOnly date)
    {
        var problems = new List<EscalationProblem>();
        if (state.IsClosed)
        {
            problems.Add(new("", Closed(state)));
            return problems;
        }

        if (state.CurrentStep == 0)
        {
            problems.Add(new("", "Er loopt nog geen stap; een uitkomst hoort bij een stap."));
            return problems;
        }

        if (string.IsNullOrWhiteSpace(outcome))
        {
            problems.Add(new("uitkomst", "Beschrijf de uitkomst van de stap."));
        }

        if (date < state.CurrentStart)
        {
            problems.Add(new("uitkomstdatum", "De datum van de uitkomst ligt voor de start van de stap."));
        }

        return problems;
    }

    /// <summary>A representative body is informed with the one regionally agreed message; each body once.</summary>
    public static IReadOnlyList<EscalationProblem> InformBody(EscalationState state, int organisationId, string organisationName, string? message, DateOnly date)
    {
        var problems = new List<EscalationProblem>();
        if (state.IsClosed)
        {
            problems.Add(new("", Closed(state)));
            return problems;
        }

        if (state.InformedOn.TryGetValue(organisationId, out var earlier))
        {
            problems.Add(new("", $"{organisationName} is al geïnformeerd op {DutchFormat.Date(earlier)}."));
            return problems;
        }

        if (string.IsNullOrWhiteSpace(message))
        {
            problems.Add(new("boodschap", "Geef de regionaal afgestemde boodschap."));
        }
        else if (state.AgreedMessage is { } agreed && !string.Equals(agreed.Trim(), message.Trim(), StringComparison.Ordinal))
        {
            problems.Add(new("boodschap", "Alle volksvertegenwoordigingen krijgen dezelfde, regionaal afgestemde boodschap; gebruik de boodschap die al is vastgelegd."));
        }

        if (date < state.OpenedOn)
        {
            problems.Add(new("informatiedatum", "De datum ligt voor de opening van de impasse."));
        }

        return problems;
    }

    public static IReadOnlyList<EscalationProblem> Close(EscalationState state, ImpasseClosure closure, string? outcome, DateOnly date)
    {
        var problems = new List<EscalationProblem>();
        if (state.IsClosed)
        {
            problems.Add(new("", Closed(state)));
            return problems;
        }

        if (closure == ImpasseClosure.FellBackOnCompetentAuthority && state.CurrentStep != LastStep)
        {
            problems.Add(new("", $"Terugvallen op het bevoegd gezag is stap 4; de impasse staat in {(state.CurrentStep == 0 ? "nog geen stap" : $"stap {state.CurrentStep}")}."));
            return problems;
        }

        if (string.IsNullOrWhiteSpace(outcome))
        {
            problems.Add(new("slotuitkomst", "Beschrijf de uitkomst waarmee de impasse wordt afgesloten."));
        }

        if (date < (state.CurrentStart ?? state.OpenedOn))
        {
            problems.Add(new("slotdatum", "De datum van afsluiten ligt voor de start van de laatste stap."));
        }

        return problems;
    }

    /// <summary>Publishing (or replacing the published summary) is also allowed after closing: the region may publish the outcome.</summary>
    public static IReadOnlyList<EscalationProblem> Publish(string? summary) =>
        string.IsNullOrWhiteSpace(summary)
            ? [new("samenvatting", "Geef de samenvatting die het publiek te zien krijgt.")]
            : [];

    /// <summary>Whether a reminder is due today for the running step: once per step, from N days before its deadline.</summary>
    public static bool ReminderDue(EscalationState state, DateOnly today, int daysBefore) =>
        !state.IsClosed
        && state.CurrentStep > 0
        && state.CurrentDeadline is { } deadline
        && today >= deadline.AddDays(-daysBefore)
        && !state.RemindedSteps.Contains(state.CurrentStep);

    private static string Closed(EscalationState state) =>
        $"Deze impasse is afgesloten op {DutchFormat.Date(state.ClosedOn!.Value)}; er kan niets meer aan worden toegevoegd.";
}
