using ResMonitor.Core.Projects;
using ResMonitor.Core.Signals;

namespace ResMonitor.Core.Tests;

public sealed class SignalRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly SignalOptions Defaults = new();

    [Fact]
    public void A_project_without_a_new_phase_for_24_months_has_stalled_and_one_of_23_months_has_not()
    {
        var signals = Evaluate(
            Project("old", Phase.InProcedure, lastChange: Today.AddMonths(-25), permitted: new(2024, 6, 1)),
            Project("recent", Phase.InProcedure, lastChange: Today.AddMonths(-23), permitted: new(2024, 6, 1)),
            Project("done", Phase.Realised, lastChange: Today.AddMonths(-60)),
            Project("gone", Phase.Withdrawn, lastChange: Today.AddMonths(-60)));

        var stalled = Assert.Single(signals, s => s.Rule == SignalRule.Stalled);
        Assert.Equal("old", stalled.Subject);
        Assert.Contains("25 maanden zonder nieuwe fase (grens: 24 maanden)", stalled.Facts);
        Assert.Equal("/projecten/old", stalled.Link);
    }

    [Fact]
    public void The_stall_threshold_is_configurable()
    {
        var signals = SignalRules.Evaluate(
            [Project("p", Phase.Permitted, lastChange: Today.AddMonths(-13), permitted: new(2024, 1, 1))], [], 0, Today, new SignalOptions { StalledAfterMonths = 12 });

        Assert.Contains(signals, s => s.Rule == SignalRule.Stalled && s.Subject == "p");
    }

    [Fact]
    public void A_project_without_a_permit_before_1_January_2025_is_signalled_and_one_with_a_permit_in_2024_is_not()
    {
        var signals = Evaluate(
            Project("none", Phase.InProcedure, lastChange: Today),
            Project("late", Phase.Permitted, lastChange: Today, permitted: new(2025, 3, 1)),
            Project("on-time", Phase.Irrevocable, lastChange: Today, permitted: new(2024, 12, 31)),
            Project("built", Phase.Realised, lastChange: Today, permitted: new(2025, 6, 1)));

        var late = signals.Where(s => s.Rule == SignalRule.NoPermitByDeadline).Select(s => s.Subject).ToList();
        Assert.Equal(["late", "none"], late);
        Assert.Contains("Vergunning verleend op 1 maart 2025, na de uiterste datum 1 januari 2025", signals.Single(s => s.Subject == "late" && s.Rule == SignalRule.NoPermitByDeadline).Facts);
    }

    [Fact]
    public void A_new_project_below_50_percent_local_ownership_is_signalled_but_not_an_old_one_or_one_without_data()
    {
        var signals = Evaluate(
            Project("new-low", Phase.Idea, lastChange: Today, firstPhase: new(2022, 1, 1), ownership: 25),
            Project("new-ok", Phase.Idea, lastChange: Today, firstPhase: new(2022, 1, 1), ownership: 50),
            Project("old-low", Phase.Realised, lastChange: Today, firstPhase: new(2015, 1, 1), ownership: 0),
            Project("new-unknown", Phase.Idea, lastChange: Today, firstPhase: new(2022, 1, 1)));

        var low = Assert.Single(signals, s => s.Rule == SignalRule.LowLocalOwnership);
        Assert.Equal("new-low", low.Subject);
        Assert.Contains("Lokaal eigendom 25%, onder het streven van 50%", low.Facts);
    }

    [Fact]
    public void A_municipality_behind_its_population_share_of_the_target_is_signalled()
    {
        // Target 1,000 MWh; A has 3/4 of the inhabitants (share 750), B 1/4 (share 250).
        var municipalities = new[]
        {
            new SignalMunicipality(1, "Aadorp", "aadorp", 30_000, 700),
            new SignalMunicipality(2, "Beedorp", "beedorp", 10_000, 250),
            new SignalMunicipality(3, "Onbekend", "onbekend", null, 0),
        };

        var signals = SignalRules.Evaluate([], municipalities, 1_000, Today, Defaults);

        var behind = Assert.Single(signals, s => s.Rule == SignalRule.MunicipalityBehind);
        Assert.Equal("Aadorp", behind.SubjectName);
        Assert.Contains("93% van het aandeel naar inwoners in het doel (750 MWh)", behind.Facts);
        Assert.Equal("/gemeenten/aadorp", behind.Link);
        Assert.Empty(SignalRules.Evaluate([], municipalities, 1_000, Today, new SignalOptions { MunicipalityShareFraction = 0.9m }));
    }

    [Fact]
    public void Every_signal_states_its_facts_in_English_for_the_English_pages()
    {
        var signals = Evaluate(
            Project("old", Phase.InProcedure, lastChange: Today.AddMonths(-25), permitted: new(2024, 6, 1)),
            Project("late", Phase.Permitted, lastChange: Today, permitted: new(2025, 3, 1)),
            Project("none", Phase.InProcedure, lastChange: Today),
            Project("new-low", Phase.Idea, lastChange: Today, firstPhase: new(2022, 1, 1), ownership: 25));

        string English(SignalRule rule, string subject) => signals.Single(s => s.Rule == rule && s.Subject == subject).FactsIn(english: true);

        Assert.Equal($"In the phase in procedure since {Today.AddMonths(-25).Day} October 2024: 25 months without a new phase (limit: 24 months).", English(SignalRule.Stalled, "old"));
        Assert.Equal("Permit granted on 1 March 2025, after the deadline of 1 January 2025 for the 2030 target.", English(SignalRule.NoPermitByDeadline, "late"));
        Assert.Equal("No permit before 1 January 2025, the deadline for the 2030 target; now in the phase in procedure.", English(SignalRule.NoPermitByDeadline, "none"));
        Assert.StartsWith("Local ownership 25%, below the aim of 50% for new projects (", English(SignalRule.LowLocalOwnership, "new-low"));
        Assert.All(signals, s => Assert.NotEqual(s.Facts, s.FactsIn(english: true)));
    }

    [Fact]
    public void A_municipality_behind_its_population_share_is_stated_in_English_in_one_unit()
    {
        var municipalities = new[]
        {
            new SignalMunicipality(1, "Aadorp", "aadorp", 30_000, 700),
            new SignalMunicipality(2, "Beedorp", "beedorp", 10_000, 250),
        };

        var behind = Assert.Single(SignalRules.Evaluate([], municipalities, 1_000, Today, Defaults));

        Assert.EndsWith("realised plus permitted or in procedure 700 MWh a year, 93% of the share by inhabitants in the target (750 MWh).", behind.FactsIn(english: true));
        Assert.EndsWith("gerealiseerd plus vergund of in procedure 700 MWh per jaar, 93% van het aandeel naar inwoners in het doel (750 MWh).", behind.Facts);
    }

    [Fact]
    public void Thresholds_outside_their_range_are_refused()
    {
        Assert.NotEmpty(new SignalOptions { StalledAfterMonths = 0 }.Problems());
        Assert.NotEmpty(new SignalOptions { LocalOwnershipAimPercent = 120 }.Problems());
        Assert.NotEmpty(new SignalOptions { MunicipalityShareFraction = 0 }.Problems());
        Assert.Empty(Defaults.Problems());
    }

    private static IReadOnlyList<Signal> Evaluate(params SignalProject[] projects) => SignalRules.Evaluate(projects, [], 0, Today, Defaults);

    private static SignalProject Project(string id, Phase phase, DateOnly lastChange, DateOnly? permitted = null, DateOnly? firstPhase = null, decimal? ownership = null) =>
        new(id, id, 1, phase, NoveltyOf(id, firstPhase ?? lastChange), lastChange, permitted, ownership, 1_000, false);

    /// <summary>The region's one definition of "new", applied to a project that entered procedure on the given day.</summary>
    private static Novelty NoveltyOf(string id, DateOnly enteredProcedure) =>
        NewProjectRule.Default.Classify(Phase.InProcedure, [new PhaseChange { ProjectId = id, Phase = Phase.InProcedure, Date = enteredProcedure }]);
}
