using ResMonitor.Core.Governance;

namespace ResMonitor.Core.Tests.Governance;

/// <summary>
/// The edges of the escalation procedure: step 4 (the last), a date on the same day as the step or the opening, and the
/// exact sentence a beheerder reads next to each refused field.
/// </summary>
public sealed class EscalationRulesBoundaryTests
{
    private static readonly DateOnly Opened = new(2026, 1, 12);

    private long _nextId = 1;

    [Fact]
    public void Step_4_is_the_last_step_and_can_be_started()
    {
        var events = new List<EscalationEvent> { Started(1, Opened), Started(2, Opened.AddDays(10)), Started(3, Opened.AddDays(20)) };

        Assert.Empty(EscalationRules.StartStep(State(events), Step(4, Opened.AddDays(30))));
        Assert.Empty(EscalationRules.StartStep(State([]), Step(4, Opened) with { Trigger = null, Reason = "De tafel gaat direct naar het bevoegd gezag." }));
        Assert.Equal(4, EscalationRules.LastStep);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(5)]
    public void A_step_outside_1_to_4_says_which_steps_there_are(int step)
    {
        var problem = Assert.Single(EscalationRules.StartStep(State([]), Step(step, Opened)));

        Assert.Equal("", problem.Field);
        Assert.Equal($"De procedure kent stap 1 tot en met 4, geen stap {step}.", problem.Message);
    }

    [Fact]
    public void The_skipped_steps_are_named_one_or_more()
    {
        var fromNothing = Assert.Single(EscalationRules.StartStep(State([]), Step(2, Opened) with { Trigger = null }));
        Assert.Equal("Stap 1 overslaan kan alleen met een reden: leg vast waarom de tafel dit besloot.", fromNothing.Message);

        var fromOne = Assert.Single(EscalationRules.StartStep(State([Started(1, Opened)]), Step(4, Opened.AddDays(1)) with { Reason = "  " }));
        Assert.Equal("reden", fromOne.Field);
        Assert.Equal("Stap 2 en 3 overslaan kan alleen met een reden: leg vast waarom de tafel dit besloot.", fromOne.Message);
    }

    [Fact]
    public void Step_2_needs_both_the_assignment_and_the_required_result_and_step_3_neither()
    {
        var state = State([Started(1, Opened)]);

        var problem = Assert.Single(EscalationRules.StartStep(state, Step(2, Opened.AddDays(1)) with { Assignment = " " }));
        Assert.Equal("opdracht", problem.Field);
        Assert.Equal("Stap 2 vraagt een opdrachtformulering en een resultaatverplichting, bepaald door de bestuurlijk thematrekker met het programmateam.", problem.Message);

        Assert.Empty(EscalationRules.StartStep(State([Started(1, Opened), Started(2, Opened)]), Step(3, Opened.AddDays(1)) with { Assignment = null, RequiredResult = null }));
    }

    [Fact]
    public void A_step_may_start_on_the_day_the_previous_one_started_but_not_before()
    {
        var state = State([Started(1, Opened.AddDays(5))]);

        Assert.Empty(EscalationRules.StartStep(state, Step(2, Opened.AddDays(5))));
        var problem = Assert.Single(EscalationRules.StartStep(state, Step(2, Opened.AddDays(4))));
        Assert.Equal("De start (16 januari 2026) ligt voor de start van de vorige stap (17 januari 2026).", problem.Message);
    }

    [Fact]
    public void The_first_step_may_start_on_the_opening_day_but_not_before()
    {
        Assert.Empty(EscalationRules.StartStep(State([]), Step(1, Opened) with { Trigger = null }));

        var problem = Assert.Single(EscalationRules.StartStep(State([]), Step(1, Opened.AddDays(-1)) with { Trigger = null }));
        Assert.Equal("start", problem.Field);
        Assert.Equal("De start (11 januari 2026) ligt voor de opening van de impasse (12 januari 2026).", problem.Message);
    }

    [Fact]
    public void Missing_fields_of_a_step_are_explained()
    {
        var problems = EscalationRules.StartStep(State([Started(1, Opened)]), Step(2, Opened.AddDays(1)) with { Trigger = null, Owner = " ", Mandate = "", Deadline = null });

        Assert.Equal(
            [
                ("aanleiding", "Geef de aanleiding om na stap 1 verder te gaan."),
                ("eigenaar", "Geef de eigenaar van deze stap."),
                ("mandaat", "Geef het mandaat dat bij deze stap hoort."),
                ("deadline", "Geef de deadline van deze stap."),
            ],
            problems.Select(p => (p.Field, p.Message)));
    }

    [Fact]
    public void A_step_again_names_the_current_step()
    {
        var problem = Assert.Single(EscalationRules.StartStep(State([Started(3, Opened)]), Step(3, Opened.AddDays(1))));

        Assert.Equal("Een stap gaat alleen vooruit: de impasse staat al in stap 3, dus stap 3 kan niet meer.", problem.Message);
    }

    [Fact]
    public void Opening_today_is_allowed_and_the_messages_name_what_is_missing()
    {
        var impasse = new Impasse { RegionId = "r", Title = "Titel", Topic = ImpasseTopic.Other, TopicText = "Iets anders", OpenedOn = Opened, RecordedBy = "t" };
        Assert.Empty(EscalationRules.Open(impasse, Opened));

        impasse.Title = "";
        impasse.TopicText = " ";
        impasse.OpenedOn = Opened.AddDays(1);
        Assert.Equal(
            [
                ("titel", "Geef de impasse een titel."),
                ("onderwerp", "Beschrijf het onderwerp als u 'ander onderwerp' kiest."),
                ("datum", "De datum 13 januari 2026 ligt in de toekomst."),
            ],
            EscalationRules.Open(impasse, Opened).Select(p => (p.Field, p.Message)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void Another_topic_needs_a_description(string? text)
    {
        var impasse = new Impasse { RegionId = "r", Title = "Titel", Topic = ImpasseTopic.Other, TopicText = text, OpenedOn = Opened, RecordedBy = "t" };

        Assert.Equal("onderwerp", Only(EscalationRules.Open(impasse, Opened)).Field);
    }

    [Fact]
    public void Publishing_asks_for_the_summary_the_public_will_read()
    {
        Assert.Equal(("samenvatting", "Geef de samenvatting die het publiek te zien krijgt."), Only(EscalationRules.Publish(null)));
        Assert.Equal(("samenvatting", "Geef de samenvatting die het publiek te zien krijgt."), Only(EscalationRules.Publish("")));
    }

    [Fact]
    public void A_step_event_without_a_step_number_is_no_running_step_and_gets_no_reminder()
    {
        var state = State([Event(EscalationEventKind.StepStarted, e => e.Deadline = Opened.AddDays(10))]);

        Assert.Equal(0, state.CurrentStep);
        Assert.False(EscalationRules.ReminderDue(state, Opened.AddDays(10), 7));
    }

    [Fact]
    public void A_listed_topic_needs_no_description()
    {
        Assert.Empty(EscalationRules.Open(new Impasse { RegionId = "r", Title = "Titel", Topic = ImpasseTopic.Biomass, OpenedOn = Opened, RecordedBy = "t" }, Opened));
    }

    [Fact]
    public void An_outcome_on_the_day_the_step_started_is_allowed_and_a_day_earlier_is_not()
    {
        var state = State([Started(1, Opened.AddDays(3))]);

        Assert.Empty(EscalationRules.RecordOutcome(state, "Geen akkoord.", Opened.AddDays(3)));
        Assert.Equal(
            ("uitkomstdatum", "De datum van de uitkomst ligt voor de start van de stap."),
            Only(EscalationRules.RecordOutcome(state, "Geen akkoord.", Opened.AddDays(2))));
        Assert.Equal(("uitkomst", "Beschrijf de uitkomst van de stap."), Only(EscalationRules.RecordOutcome(state, " ", Opened.AddDays(3))));
        Assert.Equal(("", "Er loopt nog geen stap; een uitkomst hoort bij een stap."), Only(EscalationRules.RecordOutcome(State([]), "x", Opened)));
    }

    [Fact]
    public void A_document_names_what_is_missing()
    {
        Assert.Equal(
            [("documenttitel", "Geef de titel van het document."), ("verwijzing", "Geef de URL of het kenmerk van het document.")],
            EscalationRules.AddDocument(State([]), null, null).Select(p => (p.Field, p.Message)));
        Assert.Equal("verwijzing", Only(EscalationRules.AddDocument(State([]), "Memo", "")).Field);
    }

    [Fact]
    public void A_body_may_be_informed_on_the_opening_day_and_the_agreed_message_is_compared_without_surrounding_spaces()
    {
        var events = new List<EscalationEvent> { Informed(1, Opened, "Eén boodschap.") };
        var state = State(events);

        Assert.Empty(EscalationRules.InformBody(state, 2, "Emmen", "  Eén boodschap. ", Opened));
        Assert.Equal(
            ("boodschap", "Alle volksvertegenwoordigingen krijgen dezelfde, regionaal afgestemde boodschap; gebruik de boodschap die al is vastgelegd."),
            Only(EscalationRules.InformBody(state, 2, "Emmen", "één boodschap.", Opened)));
        Assert.Equal(("informatiedatum", "De datum ligt voor de opening van de impasse."), Only(EscalationRules.InformBody(state, 2, "Emmen", "Eén boodschap.", Opened.AddDays(-1))));
        Assert.Equal(("boodschap", "Geef de regionaal afgestemde boodschap."), Only(EscalationRules.InformBody(state, 2, "Emmen", " ", Opened)));
    }

    [Fact]
    public void The_first_message_is_the_agreed_one_and_each_body_keeps_its_own_date()
    {
        var state = State([Informed(1, Opened.AddDays(1), "eerste"), Informed(2, Opened.AddDays(2), "tweede"), Informed(1, Opened.AddDays(3), "derde")]);

        Assert.Equal("eerste", state.AgreedMessage);
        Assert.Equal(new Dictionary<int, DateOnly> { [1] = Opened.AddDays(3), [2] = Opened.AddDays(2) }, state.InformedOn);
    }

    [Fact]
    public void Events_count_in_the_order_they_were_recorded_not_the_order_given()
    {
        var first = Started(1, Opened);
        var second = Started(2, Opened.AddDays(5));

        var state = EscalationState.Of(Opened, [second, first]);

        Assert.Equal(2, state.CurrentStep);
        Assert.Equal(Opened.AddDays(5), state.CurrentStart);
        Assert.Equal(Opened.AddDays(65), state.CurrentDeadline);
        Assert.Equal(Opened, state.OpenedOn);
    }

    [Fact]
    public void Documents_and_outcomes_do_not_change_where_the_impasse_stands()
    {
        var state = State([Started(2, Opened), Event(EscalationEventKind.DocumentAdded, e => e.Step = 1), Event(EscalationEventKind.OutcomeRecorded, e => e.Text = "x")]);

        Assert.Equal(2, state.CurrentStep);
        Assert.Null(state.PublicSummary);
        Assert.False(state.IsPublished);
        Assert.False(state.IsClosed);
        Assert.Empty(state.RemindedSteps);
    }

    [Fact]
    public void Falling_back_before_any_step_says_so()
    {
        Assert.Equal(
            ("", "Terugvallen op het bevoegd gezag is stap 4; de impasse staat in nog geen stap."),
            Only(EscalationRules.Close(State([]), ImpasseClosure.FellBackOnCompetentAuthority, "x", Opened)));
        Assert.Equal(
            "Terugvallen op het bevoegd gezag is stap 4; de impasse staat in stap 2.",
            Only(EscalationRules.Close(State([Started(2, Opened)]), ImpasseClosure.FellBackOnCompetentAuthority, "x", Opened)).Message);
    }

    [Fact]
    public void Closing_on_the_day_the_last_step_started_is_allowed_and_a_day_earlier_is_not()
    {
        var state = State([Started(4, Opened.AddDays(7))]);

        Assert.Empty(EscalationRules.Close(state, ImpasseClosure.FellBackOnCompetentAuthority, "De provincie besluit.", Opened.AddDays(7)));
        Assert.Equal(
            ("slotdatum", "De datum van afsluiten ligt voor de start van de laatste stap."),
            Only(EscalationRules.Close(state, ImpasseClosure.FellBackOnCompetentAuthority, "De provincie besluit.", Opened.AddDays(6))));
        Assert.Equal(
            ("slotuitkomst", "Beschrijf de uitkomst waarmee de impasse wordt afgesloten."),
            Only(EscalationRules.Close(state, ImpasseClosure.Resolved, " ", Opened.AddDays(7))));
    }

    [Fact]
    public void Resolving_before_any_step_is_dated_from_the_opening()
    {
        Assert.Empty(EscalationRules.Close(State([]), ImpasseClosure.Resolved, "Opgelost aan tafel.", Opened));
        Assert.Equal("slotdatum", Only(EscalationRules.Close(State([]), ImpasseClosure.Resolved, "Opgelost aan tafel.", Opened.AddDays(-1))).Field);
    }

    [Fact]
    public void A_closed_impasse_says_since_when()
    {
        var state = State([Started(1, Opened), Event(EscalationEventKind.Closed, e => { e.Closure = ImpasseClosure.Resolved; e.Date = Opened.AddDays(9); })]);

        Assert.Equal(Opened.AddDays(9), state.ClosedOn);
        Assert.Equal(ImpasseClosure.Resolved, state.Closure);
        Assert.Equal(
            ("", "Deze impasse is afgesloten op 21 januari 2026; er kan niets meer aan worden toegevoegd."),
            Only(EscalationRules.AddDocument(state, "Memo", "ref")));
    }

    [Fact]
    public void A_step_without_a_deadline_is_never_due_for_a_reminder_and_a_step_reminded_earlier_is_due_again_after_the_next()
    {
        Assert.False(EscalationRules.ReminderDue(State([Event(EscalationEventKind.StepStarted, e => e.Step = 1)]), Opened.AddDays(400), 7));

        var state = State([Started(1, Opened), Event(EscalationEventKind.ReminderSent, e => e.Step = 2)]);
        Assert.Equal(2, Assert.Single(state.RemindedSteps));
        Assert.True(EscalationRules.ReminderDue(state, Opened.AddDays(60), 0));
        Assert.False(EscalationRules.ReminderDue(state, Opened.AddDays(59), 0));
    }

    private static (string Field, string Message) Only(IReadOnlyList<EscalationProblem> problems)
    {
        var problem = Assert.Single(problems);
        return (problem.Field, problem.Message);
    }

    private static EscalationState State(IEnumerable<EscalationEvent> events) => EscalationState.Of(Opened, events);

    private static StepRequest Step(int step, DateOnly start) =>
        new(step, EscalationTrigger.DeadlinePassed, null, "Provincie Drenthe", "Bestuurlijke oplossing zoeken", start, start.AddDays(60),
            "Breng de feiten op tafel.", "Een rapport met feiten.");

    private EscalationEvent Started(int step, DateOnly start) => Event(EscalationEventKind.StepStarted, e =>
    {
        e.Step = step;
        e.Date = start;
        e.Deadline = start.AddDays(60);
    });

    private EscalationEvent Informed(int organisation, DateOnly date, string message) => Event(EscalationEventKind.BodyInformed, e =>
    {
        e.OrganisationId = organisation;
        e.Date = date;
        e.Message = message;
    });

    private EscalationEvent Event(EscalationEventKind kind, Action<EscalationEvent> fill)
    {
        var e = new EscalationEvent { Id = _nextId++, Kind = kind, Date = Opened, RecordedBy = "test" };
        fill(e);
        return e;
    }
}
