using ResMonitor.Core.Grid;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Signals;

namespace ResMonitor.Core.Tests.Signals;

/// <summary>
/// The edges of the early warnings as the signals page states them: "N months or more", a permit "before" the
/// deadline, "on or after" the start date for new projects, "less than" the ownership aim and the municipality's share.
/// </summary>
public sealed class SignalRulesBoundaryTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly SignalOptions Defaults = new();

    private static SignalProject Project(
        string id, Phase phase = Phase.InProcedure, DateOnly? lastChange = null, DateOnly? permitted = null, DateOnly? firstPhase = null,
        decimal? ownership = null, bool example = false, int municipality = 1, string? searchArea = null) =>
        new(id, "Project " + id, municipality, phase, NoveltyOf(firstPhase ?? new(2022, 1, 1)), lastChange ?? Today, permitted ?? new(2024, 6, 1), ownership, 1_000, example, searchArea,
            firstPhase ?? new(2022, 1, 1));

    /// <summary>The region's one definition of "new" for a project that entered procedure on the given day.</summary>
    private static Novelty NoveltyOf(DateOnly enteredProcedure) =>
        NewProjectRule.Default.Classify(Phase.Permitted, [new PhaseChange { ProjectId = "p", Phase = Phase.InProcedure, Date = enteredProcedure }]);

    private static List<Signal> Signals(SignalRule rule, params SignalProject[] projects) => Signals(rule, Defaults, projects);

    private static List<Signal> Signals(SignalRule rule, SignalOptions options, params SignalProject[] projects) =>
        SignalRules.Evaluate(projects, [], 0, Today, options).Where(s => s.Rule == rule).ToList();

    [Fact]
    public void A_project_without_a_new_phase_for_exactly_24_months_has_stalled_and_one_day_less_has_not()
    {
        var signals = Signals(SignalRule.Stalled,
            Project("exact", lastChange: new(2024, 11, 24)),
            Project("day-less", lastChange: new(2024, 11, 25)));

        var signal = Assert.Single(signals);
        Assert.Equal("exact", signal.Subject);
        Assert.Equal("Sinds 24 november 2024 in de fase in procedure: 24 maanden zonder nieuwe fase (grens: 24 maanden).", signal.Facts);
    }

    [Fact]
    public void A_configured_stall_limit_has_the_same_edge()
    {
        var options = new SignalOptions { StalledAfterMonths = 6 };

        var signals = Signals(SignalRule.Stalled, options, Project("exact", lastChange: new(2026, 5, 24)), Project("day-less", lastChange: new(2026, 5, 25)));

        Assert.Equal(["exact"], signals.Select(s => s.Subject));
        Assert.Contains("6 maanden zonder nieuwe fase (grens: 6 maanden)", signals[0].Facts);
    }

    [Theory]
    [InlineData("2023-11-24", 36)]
    [InlineData("2023-11-25", 35)]
    [InlineData("2023-12-31", 34)]
    [InlineData("2020-01-24", 82)]
    public void The_months_without_a_new_phase_count_whole_months(string lastChange, int months)
    {
        var signal = Assert.Single(Signals(SignalRule.Stalled, Project("p", lastChange: DateOnly.Parse(lastChange, System.Globalization.CultureInfo.InvariantCulture))));

        Assert.Contains($": {months} maanden zonder nieuwe fase", signal.Facts);
    }

    [Fact]
    public void Stalled_projects_come_longest_stalled_first_with_the_date_and_a_link()
    {
        var signals = Signals(SignalRule.Stalled,
            Project("b", lastChange: new(2023, 1, 1), example: true),
            Project("a", Phase.Permitted, lastChange: new(2020, 1, 1)),
            Project("done", Phase.Realised, lastChange: new(2015, 1, 1)),
            Project("gone", Phase.Withdrawn, lastChange: new(2015, 1, 1)));

        Assert.Equal(["a", "b"], signals.Select(s => s.Subject));
        Assert.Equal(("Project a", "/projecten/a", (DateOnly?)new DateOnly(2020, 1, 1), false), (signals[0].SubjectName, signals[0].Link, signals[0].Since, signals[0].IsExample));
        Assert.True(signals[1].IsExample);
        Assert.StartsWith("Sinds 1 januari 2020 in de fase vergund: ", signals[0].Facts);
    }

    [Fact]
    public void A_project_without_a_phase_date_is_not_taken_for_stalled()
    {
        Assert.Empty(Signals(SignalRule.Stalled, Project("p") with { LastPhaseChange = null }));
    }

    [Fact]
    public void A_permit_granted_on_the_deadline_day_is_late_and_one_the_day_before_is_in_time()
    {
        var signals = Signals(SignalRule.NoPermitByDeadline,
            Project("on-the-day", Phase.Permitted, permitted: new(2025, 1, 1)),
            Project("day-before", Phase.Permitted, permitted: new(2024, 12, 31)));

        var signal = Assert.Single(signals);
        Assert.Equal("on-the-day", signal.Subject);
        Assert.Equal("Vergunning verleend op 1 januari 2025, na de uiterste datum 1 januari 2025 voor het doel van 2030.", signal.Facts);
        Assert.Equal(new DateOnly(2025, 1, 1), signal.Since);
        Assert.Equal("/projecten/on-the-day", signal.Link);
    }

    [Fact]
    public void A_project_without_a_permit_is_late_says_its_phase_and_the_list_is_ordered_by_id()
    {
        var options = new SignalOptions { PermitDeadline = new(2026, 7, 1) };
        var signals = Signals(SignalRule.NoPermitByDeadline, options,
            Project("b", Phase.Idea) with { PermittedOn = null, IsExample = true },
            Project("B", Phase.InProcedure) with { PermittedOn = null },
            Project("a", Phase.Permitted, permitted: new(2026, 6, 30)),
            Project("built", Phase.Realised) with { PermittedOn = null },
            Project("gone", Phase.Withdrawn) with { PermittedOn = null });

        Assert.Equal(["B", "b"], signals.Select(s => s.Subject));
        Assert.Equal("Geen vergunning vóór 1 juli 2026, de uiterste datum voor het doel van 2030; nu in de fase idee.", signals[1].Facts);
        Assert.True(signals[1].IsExample);
        Assert.Equal(new DateOnly(2026, 7, 1), signals[1].Since);
    }

    [Fact]
    public void A_project_that_entered_procedure_on_the_first_day_for_new_projects_is_new_and_one_the_day_before_is_not()
    {
        var signals = Signals(SignalRule.LowLocalOwnership,
            Project("on-the-day", firstPhase: new(2021, 7, 1), ownership: 10),
            Project("day-before", firstPhase: new(2021, 6, 30), ownership: 10),
            Project("no-date", ownership: 10) with { Novelty = Novelty.Unknown, NewSince = null });

        var signal = Assert.Single(signals);
        Assert.Equal("on-the-day", signal.Subject);
        Assert.Equal(new DateOnly(2021, 7, 1), signal.Since);
        Assert.Equal("/projecten/on-the-day", signal.Link);
        Assert.Equal(
            "Lokaal eigendom 10%, onder het streven van 50% voor nieuwe projecten (voor het eerst in de fase in procedure (of verder) op of na 1 juli 2021, of nog niet zo ver).",
            signal.Facts);
    }

    [Fact]
    public void Ownership_just_below_the_aim_is_signalled_also_for_realised_projects_lowest_first()
    {
        var signals = Signals(SignalRule.LowLocalOwnership,
            Project("at-aim", ownership: 50m),
            Project("z-low", Phase.Realised, ownership: 49.9m, example: true),
            Project("b-lower", ownership: 20m),
            Project("a-lower", ownership: 20m),
            Project("gone", Phase.Withdrawn, ownership: 0m));

        Assert.Equal(["a-lower", "b-lower", "z-low"], signals.Select(s => s.Subject));
        Assert.True(signals[2].IsExample);
        Assert.StartsWith("Lokaal eigendom 50%, onder het streven", signals[2].Facts);
    }

    [Fact]
    public void A_municipality_exactly_at_its_share_is_not_behind_and_one_just_below_is()
    {
        // Target 1,000 MWh over 40,000 inhabitants: 30,000 give a share of 750, 10,000 a share of 250.
        var municipalities = new[]
        {
            new SignalMunicipality(1, "Zuiddorp", "zuiddorp", 30_000, 750),
            new SignalMunicipality(2, "Beedorp", "beedorp", 10_000, 249.9m),
        };

        var signal = Assert.Single(SignalRules.Evaluate([], municipalities, 1_000, Today, Defaults));

        Assert.Equal(SignalRule.MunicipalityBehind, signal.Rule);
        Assert.Equal(("beedorp", "Beedorp", "/gemeenten/beedorp", (DateOnly?)null, false), (signal.Subject, signal.SubjectName, signal.Link, signal.Since, signal.IsExample));
        // Without an agreed contribution the share by inhabitants is a fallback, and the facts say so first.
        Assert.Equal("Geen afgesproken bijdrage bekend; verdeling naar inwonertal: gerealiseerd plus vergund of in procedure 250 MWh per jaar, 100% van het aandeel naar inwoners in het doel (250 MWh).", signal.Facts);
    }

    [Fact]
    public void Municipalities_behind_are_listed_by_name_and_those_without_inhabitants_are_left_out()
    {
        var municipalities = new[]
        {
            new SignalMunicipality(1, "Zuiddorp", "zuiddorp", 10_000, 0),
            new SignalMunicipality(2, "Aadorp", "aadorp", 10_000, 0),
            new SignalMunicipality(3, "Leeg", "leeg", 0, 0),
            new SignalMunicipality(4, "Onbekend", "onbekend", null, 0),
        };

        var signals = SignalRules.Evaluate([], municipalities, 1_000, Today, Defaults);

        Assert.Equal(["Aadorp", "Zuiddorp"], signals.Select(s => s.SubjectName));
        Assert.Contains("0% van het aandeel naar inwoners in het doel (500 MWh)", signals[0].Facts);
    }

    [Fact]
    public void Without_a_target_or_inhabitants_no_municipality_is_behind()
    {
        var municipalities = new[] { new SignalMunicipality(1, "Aadorp", "aadorp", 10_000, 0) };

        Assert.Empty(SignalRules.Evaluate([], municipalities, 0, Today, Defaults));
        Assert.Empty(SignalRules.Evaluate([], [new SignalMunicipality(1, "Aadorp", "aadorp", null, 0)], 1_000, Today, Defaults));
    }

    [Fact]
    public void Grid_signals_come_by_the_oldest_congestion_then_by_project_and_records_in_order_of_their_start()
    {
        var older = Record(5, municipality: 1, since: new(2021, 1, 1));
        var sameDayLowerId = Record(2, municipality: 2, since: new(2023, 1, 1));
        var sameDayHigherId = Record(9, municipality: 2, since: new(2023, 1, 1));

        var signals = SignalRules.Evaluate(
            [Project("z", municipality: 2), Project("y", municipality: 2), Project("x", municipality: 1)],
            [], 0, Today, Defaults, [sameDayHigherId, older, sameDayLowerId]).Where(s => s.Rule == SignalRule.NoGridCapacity).ToList();

        Assert.Equal(["x", "y", "z"], signals.Select(s => s.Subject));
        Assert.Equal(new DateOnly(2021, 1, 1), signals[0].Since);
        var facts = signals[1].Facts;
        Assert.True(facts.IndexOf("Netcongestie nr. 2:", StringComparison.Ordinal) < facts.IndexOf("Netcongestie nr. 9:", StringComparison.Ordinal), facts);
        Assert.Contains("peildatum 1 oktober 2026. Netcongestie nr. 9:", facts);
    }

    [Fact]
    public void Congestion_in_a_municipality_also_holds_for_a_project_in_a_search_area_there_and_an_example_project_sees_real_records()
    {
        var record = Record(1, municipality: 1, since: new(2022, 1, 1));

        var signals = SignalRules.Evaluate(
            [Project("in-area", municipality: 1, searchArea: "ZG-1"), Project("VB", municipality: 1, example: true), Project("elsewhere", municipality: 2)],
            [], 0, Today, Defaults, [record]).Where(s => s.Rule == SignalRule.NoGridCapacity).ToList();

        Assert.Equal(["VB", "in-area"], signals.Select(s => s.Subject));
        Assert.True(signals[0].IsExample);
        Assert.DoesNotContain("(voorbeeld)", signals[0].Facts);
        Assert.Equal(("Project in-area", "/projecten/in-area"), (signals[1].SubjectName, signals[1].Link));
        Assert.StartsWith("Nu in de fase in procedure. Netcongestie nr. 1: leveringscongestie in de gemeente Dorp bij Netbeheerder sinds 1 januari 2022;", signals[1].Facts);
    }

    [Fact]
    public void A_search_area_record_does_not_hold_for_the_whole_municipality()
    {
        var record = Record(1, municipality: null, since: new(2022, 1, 1), searchArea: "ZG-1");

        var signals = SignalRules.Evaluate([Project("no-area", municipality: 1), Project("other-area", municipality: 1, searchArea: "ZG-2")], [], 0, Today, Defaults, [record]);

        Assert.DoesNotContain(signals, s => s.Rule == SignalRule.NoGridCapacity);
    }

    private static CongestionView Record(long id, int? municipality, DateOnly since, string? searchArea = null) =>
        new(id, searchArea ?? "Dorp", municipality, null, searchArea, "NB", "Netbeheerder", CongestionKind.FeedIn, since, null, null, null, "Kaart", new(2026, 10, 1), false);
}
