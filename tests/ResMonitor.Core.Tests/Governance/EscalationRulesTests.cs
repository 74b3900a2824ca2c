using ResMonitor.Core.Governance;

namespace ResMonitor.Core.Tests;

/// <summary>Every transition of the escalation procedure, allowed and refused, on the state rebuilt from events.</summary>
public sealed class EscalationRulesTests
{
    private static readonly DateOnly Opened = new(2026, 1, 12);

    private long _nextId = 1;

    // ---------- opening ----------

    [Fact]
    public void Opening_with_a_title_and_a_listed_topic_is_allowed()
    {
        Assert.Empty(EscalationRules.Open(NewImpasse(), Opened));
    }

    [Fact]
    public void Opening_on_another_topic_without_describing_it_is_refused()
    {
        var impasse = NewImpasse();
        impasse.Topic = ImpasseTopic.Other;

        var problem = Assert.Single(EscalationRules.Open(impasse, Opened));
        Assert.Equal("onderwerp", problem.Field);
    }

    [Fact]
    public void Opening_without_title_or_in_the_future_is_refused_per_field()
    {
        var impasse = NewImpasse();
        impasse.Title = " ";

        var problems = EscalationRules.Open(impasse, Opened.AddDays(-1));

        Assert.Equal(["titel", "datum"], problems.Select(p => p.Field));
    }

    // ---------- starting steps ----------

    [Fact]
    public void Step_1_from_an_opened_impasse_needs_no_trigger_and_becomes_the_current_step()
    {
        var events = new List<EscalationEvent>();
        var request = Step(1, trigger: null);

        Assert.Empty(EscalationRules.StartStep(State(events), request));
        events.Add(Started(request));
        var state = State(events);
        Assert.Equal(1, state.CurrentStep);
        Assert.Equal(request.Deadline, state.CurrentDeadline);
    }

    [Fact]
    public void The_next_step_with_a_trigger_is_allowed()
    {
        var events = new List<EscalationEvent> { Started(Step(1)) };

        Assert.Empty(EscalationRules.StartStep(State(events), Step(2, start: Opened.AddDays(30))));
    }

    [Fact]
    public void Moving_on_without_a_trigger_is_refused()
    {
        var events = new List<EscalationEvent> { Started(Step(1)) };

        var problem = Assert.Single(EscalationRules.StartStep(State(events), Step(2, trigger: null, start: Opened.AddDays(30))));
        Assert.Equal("aanleiding", problem.Field);
        Assert.Equal("Geef de aanleiding om na stap 1 verder te gaan.", problem.Message);
    }

    [Fact]
    public void Skipping_a_step_with_a_reason_is_allowed()
    {
        var events = new List<EscalationEvent> { Started(Step(1)) };

        Assert.Empty(EscalationRules.StartStep(State(events), Step(3, reason: "De tafel wil direct een mediator.", start: Opened.AddDays(30))));
    }

    [Fact]
    public void Skipping_steps_without_a_reason_is_refused_and_names_the_skipped_steps()
    {
        var problem = Assert.Single(EscalationRules.StartStep(State([]), Step(3, trigger: null, reason: "")));

        Assert.Equal("reden", problem.Field);
        Assert.StartsWith("Stap 1 en 2 overslaan kan alleen met een reden", problem.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_step_back_or_the_same_step_again_is_a_conflict(int step)
    {
        var events = new List<EscalationEvent> { Started(Step(1)), Started(Step(2, start: Opened.AddDays(10))) };

        var problem = Assert.Single(EscalationRules.StartStep(State(events), Step(step, start: Opened.AddDays(40))));

        Assert.True(EscalationRules.IsConflict(problem));
        Assert.Equal($"Een stap gaat alleen vooruit: de impasse staat al in stap 2, dus stap {step} kan niet meer.", problem.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void A_step_outside_1_to_4_is_a_conflict(int step)
    {
        var problem = Assert.Single(EscalationRules.StartStep(State([]), Step(step)));

        Assert.True(EscalationRules.IsConflict(problem));
        Assert.Contains($"geen stap {step}", problem.Message);
    }

    [Fact]
    public void Step_2_without_assignment_or_required_result_is_refused()
    {
        var events = new List<EscalationEvent> { Started(Step(1)) };

        var problem = Assert.Single(EscalationRules.StartStep(State(events), Step(2, start: Opened.AddDays(5), assignment: "Onderzoek de netcapaciteit.", requiredResult: "")));

        Assert.Equal("opdracht", problem.Field);
        Assert.Contains("opdrachtformulering en een resultaatverplichting", problem.Message);
    }

    [Fact]
    public void A_deadline_before_the_steps_start_is_refused()
    {
        var problem = Assert.Single(EscalationRules.StartStep(State([]), Step(1, trigger: null, start: Opened.AddDays(10), deadline: Opened.AddDays(9))));

        Assert.Equal("deadline", problem.Field);
        Assert.Equal("De deadline (21 januari 2026) ligt voor de start van de stap (22 januari 2026).", problem.Message);
    }

    [Fact]
    public void A_deadline_on_the_start_date_is_allowed()
    {
        Assert.Empty(EscalationRules.StartStep(State([]), Step(1, trigger: null, start: Opened, deadline: Opened)));
    }

    [Fact]
    public void A_step_without_owner_mandate_or_deadline_is_refused_per_field()
    {
        var request = Step(1, trigger: null) with { Owner = "", Mandate = null, Deadline = null };

        var problems = EscalationRules.StartStep(State([]), request);

        Assert.Equal(["eigenaar", "mandaat", "deadline"], problems.Select(p => p.Field));
    }

    [Fact]
    public void A_step_starting_before_the_previous_step_is_refused()
    {
        var events = new List<EscalationEvent> { Started(Step(1, start: Opened.AddDays(20))) };

        var problem = Assert.Single(EscalationRules.StartStep(State(events), Step(2, start: Opened.AddDays(19))));

        Assert.Equal("start", problem.Field);
    }

    [Fact]
    public void Nothing_can_be_started_after_closing()
    {
        var events = new List<EscalationEvent> { Started(Step(1)), Event(EscalationEventKind.Closed, e => e.Closure = ImpasseClosure.Resolved) };

        var problem = Assert.Single(EscalationRules.StartStep(State(events), Step(2, start: Opened.AddDays(30))));

        Assert.True(EscalationRules.IsConflict(problem));
        Assert.StartsWith("Deze impasse is afgesloten op", problem.Message);
    }

    // ---------- documents, outcomes, informed bodies ----------

    [Fact]
    public void A_document_needs_a_title_and_a_reference()
    {
        Assert.Empty(EscalationRules.AddDocument(State([]), "Memo", "https://example.nl/memo.pdf"));
        Assert.Equal(["documenttitel", "verwijzing"], EscalationRules.AddDocument(State([]), "", " ").Select(p => p.Field));
    }

    [Fact]
    public void An_outcome_belongs_to_a_running_step()
    {
        var problem = Assert.Single(EscalationRules.RecordOutcome(State([]), "Geen akkoord.", Opened));
        Assert.True(EscalationRules.IsConflict(problem));

        var events = new List<EscalationEvent> { Started(Step(1)) };
        Assert.Empty(EscalationRules.RecordOutcome(State(events), "Geen akkoord.", Opened.AddDays(3)));
        Assert.Equal("uitkomst", Assert.Single(EscalationRules.RecordOutcome(State(events), "", Opened.AddDays(3))).Field);
        Assert.Equal("uitkomstdatum", Assert.Single(EscalationRules.RecordOutcome(State(events), "Geen akkoord.", Opened.AddDays(-1))).Field);
    }

    [Fact]
    public void Bodies_are_informed_with_one_agreed_message_and_each_once()
    {
        const string message = "De stuurgroep heeft de provincie gevraagd het voortouw te nemen.";
        var events = new List<EscalationEvent>();
        Assert.Empty(EscalationRules.InformBody(State(events), 1, "Assen", message, Opened.AddDays(2)));
        events.Add(Event(EscalationEventKind.BodyInformed, e => { e.OrganisationId = 1; e.Message = message; e.Date = Opened.AddDays(2); }));

        var state = State(events);
        Assert.Equal(message, state.AgreedMessage);
        Assert.Empty(EscalationRules.InformBody(state, 2, "Emmen", message, Opened.AddDays(3)));

        var other = Assert.Single(EscalationRules.InformBody(state, 2, "Emmen", "Een andere boodschap.", Opened.AddDays(3)));
        Assert.Equal("boodschap", other.Field);

        var again = Assert.Single(EscalationRules.InformBody(state, 1, "Assen", message, Opened.AddDays(3)));
        Assert.True(EscalationRules.IsConflict(again));
        Assert.Equal("Assen is al geïnformeerd op 14 januari 2026.", again.Message);
    }

    // ---------- closing and publishing ----------

    [Fact]
    public void Resolving_is_allowed_in_any_step_with_an_outcome()
    {
        var events = new List<EscalationEvent> { Started(Step(1)) };

        Assert.Empty(EscalationRules.Close(State(events), ImpasseClosure.Resolved, "Akkoord over de verdeling.", Opened.AddDays(40)));
        Assert.Equal("slotuitkomst", Assert.Single(EscalationRules.Close(State(events), ImpasseClosure.Resolved, "", Opened.AddDays(40))).Field);
    }

    [Fact]
    public void Falling_back_on_the_competent_authority_is_only_step_4()
    {
        var inStep3 = new List<EscalationEvent> { Started(Step(3, trigger: null, reason: "spoed")) };
        var refused = Assert.Single(EscalationRules.Close(State(inStep3), ImpasseClosure.FellBackOnCompetentAuthority, "Provincie besluit.", Opened.AddDays(40)));
        Assert.True(EscalationRules.IsConflict(refused));
        Assert.Contains("stap 3", refused.Message);

        var inStep4 = new List<EscalationEvent> { Started(Step(4, trigger: null, reason: "spoed")) };
        Assert.Empty(EscalationRules.Close(State(inStep4), ImpasseClosure.FellBackOnCompetentAuthority, "Provincie besluit.", Opened.AddDays(40)));
    }

    [Fact]
    public void Nothing_is_added_after_closing_but_the_region_may_still_publish()
    {
        var events = new List<EscalationEvent> { Started(Step(1)), Event(EscalationEventKind.Closed, e => e.Closure = ImpasseClosure.Resolved) };
        var state = State(events);

        Assert.True(state.IsClosed);
        Assert.True(EscalationRules.IsConflict(Assert.Single(EscalationRules.Close(state, ImpasseClosure.Resolved, "nog eens", Opened.AddDays(50)))));
        Assert.True(EscalationRules.IsConflict(Assert.Single(EscalationRules.AddDocument(state, "Memo", "ref"))));
        Assert.True(EscalationRules.IsConflict(Assert.Single(EscalationRules.RecordOutcome(state, "x", Opened.AddDays(50)))));
        Assert.True(EscalationRules.IsConflict(Assert.Single(EscalationRules.InformBody(state, 1, "Assen", "x", Opened.AddDays(50)))));
        Assert.Empty(EscalationRules.Publish("Opgelost in stap 1."));
    }

    [Fact]
    public void Publishing_needs_a_summary_and_the_latest_summary_counts()
    {
        Assert.Equal("samenvatting", Assert.Single(EscalationRules.Publish(" ")).Field);

        var state = State([Event(EscalationEventKind.Published, e => e.Text = "eerste"), Event(EscalationEventKind.Published, e => e.Text = "tweede")]);
        Assert.True(state.IsPublished);
        Assert.Equal("tweede", state.PublicSummary);
    }

    // ---------- reminders ----------

    [Fact]
    public void A_reminder_is_due_from_N_days_before_the_deadline_once_per_step()
    {
        var deadline = Opened.AddDays(30);
        var events = new List<EscalationEvent> { Started(Step(1, deadline: deadline)) };

        Assert.False(EscalationRules.ReminderDue(State(events), deadline.AddDays(-8), 7));
        Assert.True(EscalationRules.ReminderDue(State(events), deadline.AddDays(-7), 7));
        Assert.True(EscalationRules.ReminderDue(State(events), deadline.AddDays(2), 7));

        events.Add(Event(EscalationEventKind.ReminderSent, e => e.Step = 1));
        Assert.False(EscalationRules.ReminderDue(State(events), deadline.AddDays(-7), 7));

        events.Add(Started(Step(2, start: deadline, deadline: deadline.AddDays(3))));
        Assert.True(EscalationRules.ReminderDue(State(events), deadline, 7));
    }

    [Fact]
    public void No_reminder_before_any_step_or_after_closing()
    {
        Assert.False(EscalationRules.ReminderDue(State([]), Opened.AddDays(100), 7));

        var closed = new List<EscalationEvent> { Started(Step(1)), Event(EscalationEventKind.Closed, e => e.Closure = ImpasseClosure.Resolved) };
        Assert.False(EscalationRules.ReminderDue(State(closed), Opened.AddDays(100), 7));
    }

    private static Impasse NewImpasse() => new()
    {
        RegionId = "drenthe",
        Title = "Verdeling netcapaciteit zuidoost",
        Topic = ImpasseTopic.GridCongestion,
        OpenedOn = Opened,
        OpeningTrigger = EscalationTrigger.NoConsensus,
        RecordedBy = "test",
    };

    private static EscalationState State(IEnumerable<EscalationEvent> events) => EscalationState.Of(Opened, events);

    private static StepRequest Step(
        int step,
        EscalationTrigger? trigger = EscalationTrigger.DeadlinePassed,
        string? reason = null,
        DateOnly? start = null,
        DateOnly? deadline = null,
        string? assignment = "Breng de feiten over netcapaciteit op tafel.",
        string? requiredResult = "Een rapport met feiten.")
    {
        var from = start ?? Opened;
        return new(step, trigger, reason, "Provincie Drenthe", "Zoeken naar een bestuurlijke oplossing", from, deadline ?? from.AddDays(60), assignment, requiredResult);
    }

    private EscalationEvent Started(StepRequest r) => Event(EscalationEventKind.StepStarted, e =>
    {
        e.Step = r.Step;
        e.Date = r.Start;
        e.Deadline = r.Deadline;
    });

    private EscalationEvent Event(EscalationEventKind kind, Action<EscalationEvent> fill)
    {
        var e = new EscalationEvent { Id = _nextId++, Kind = kind, Date = Opened, RecordedBy = "test" };
        fill(e);
        return e;
    }
}
