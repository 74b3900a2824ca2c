using ResMonitor.Core.Energy;
using ResMonitor.Core.Indicators;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;
using ResMonitor.Core.Signals;

namespace ResMonitor.Core.Tests.Signals;

/// <summary>
/// Honest signals: an unknown value is a data gap, never a low value; one definition of a new project for every
/// signal and indicator; the municipalities' agreed contributions drive "gemeenten die achterblijven", with the
/// share by inhabitants only as a labelled fallback; and the rule for the technology-neutral part.
/// </summary>
public sealed class HonestSignalsTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly SignalOptions Defaults = new();

    [Fact]
    public void A_new_project_without_ownership_data_is_a_gap_and_not_below_the_aim()
    {
        var projects = new[]
        {
            Project("unknown", ownership: null),
            Project("low", ownership: 10),
            Project("zero", ownership: 0),
        };

        var signals = SignalRules.Evaluate(projects, [], 0, Today, Defaults).Where(s => s.Rule == SignalRule.LowLocalOwnership);
        var gaps = SignalRules.Gaps(projects, [], Defaults);

        Assert.Equal(["zero", "low"], signals.Select(s => s.Subject));
        var gap = Assert.Single(gaps);
        Assert.Equal((SignalRule.LowLocalOwnership, GapKind.LocalOwnership, "unknown", "/projecten/unknown"), (gap.Rule, gap.Kind, gap.Subject, gap.Link));
        Assert.Equal("nieuw project; het aandeel lokaal eigendom is niet bekend", gap.Missing);
    }

    [Fact]
    public void A_permitted_project_without_a_permit_date_is_a_gap_and_not_a_late_permit()
    {
        var projects = new[]
        {
            Project("undated", Phase.Permitted, permitted: null),
            Project("none", Phase.InProcedure, permitted: null),
        };

        var late = SignalRules.Evaluate(projects, [], 0, Today, Defaults).Where(s => s.Rule == SignalRule.NoPermitByDeadline).Select(s => s.Subject);
        var gap = Assert.Single(SignalRules.Gaps(projects, [], Defaults));

        Assert.Equal(["none"], late);
        Assert.Equal((GapKind.PermitDate, "undated"), (gap.Kind, gap.Subject));
    }

    [Fact]
    public void A_project_long_in_its_phase_stalls_only_when_a_source_within_the_limit_confirms_it()
    {
        // Limit 24 months before 24 November 2026: 24 November 2024.
        var projects = new[]
        {
            Project("confirmed", lastChange: new DateOnly(2019, 5, 13)) with { ConfirmedOn = new DateOnly(2024, 11, 24) },
            Project("outdated", lastChange: new DateOnly(2019, 5, 13)) with { ConfirmedOn = new DateOnly(2024, 11, 23) },
        };

        var stalled = SignalRules.Evaluate(projects, [], 0, Today, Defaults).Where(s => s.Rule == SignalRule.Stalled).Select(s => s.Subject);
        var gap = Assert.Single(SignalRules.Gaps(projects, [], Defaults, today: Today), g => g.Rule == SignalRule.Stalled);

        Assert.Equal(["confirmed"], stalled);
        Assert.Equal((GapKind.Outdated, "outdated"), (gap.Kind, gap.Subject));
        Assert.Contains("de nieuwste bron is van 23 november 2024: niet bekend of het project sindsdien verder is", gap.Missing);
    }

    [Fact]
    public void An_open_project_without_any_phase_date_is_a_gap_and_not_stalled()
    {
        var projects = new[] { Project("undated", lastChange: null) with { LastPhaseChange = null } };

        Assert.DoesNotContain(SignalRules.Evaluate(projects, [], 0, Today, Defaults), s => s.Rule == SignalRule.Stalled);
        Assert.Equal(GapKind.PhaseDate, Assert.Single(SignalRules.Gaps(projects, [], Defaults)).Kind);
    }

    [Fact]
    public void New_means_first_in_procedure_on_or_after_the_day_and_not_yet_in_procedure_is_new_too()
    {
        var rule = NewProjectRule.Default;

        Assert.Equal((new DateOnly(2021, 7, 1), Phase.InProcedure), (rule.From, rule.Phase));
        Assert.Equal(Novelty.New, rule.Classify(Phase.Permitted, [Step(Phase.Idea, 2019, 1, 1), Step(Phase.InProcedure, 2021, 7, 1), Step(Phase.Permitted, 2022, 1, 1)]));
        Assert.Equal(Novelty.Earlier, rule.Classify(Phase.Permitted, [Step(Phase.InProcedure, 2021, 6, 30), Step(Phase.Permitted, 2022, 1, 1)]));
        Assert.Equal(Novelty.New, rule.Classify(Phase.Idea, [Step(Phase.Idea, 2015, 1, 1)]));
        Assert.Equal(Novelty.New, rule.Classify(Phase.Idea, []));
        Assert.Equal(Novelty.Unknown, rule.Classify(Phase.Realised, []));
        Assert.Equal(Novelty.Earlier, rule.Classify(Phase.Realised, [], currentPhaseDate: new(2018, 5, 1)));
        Assert.Equal(Novelty.Earlier, rule.Classify(Phase.Withdrawn, [Step(Phase.InProcedure, 2024, 1, 1)]));
    }

    [Fact]
    public void The_definition_of_new_is_configurable_and_the_signal_and_the_participation_indicator_follow_it_alike()
    {
        var rule = new NewProjectRule(new DateOnly(2020, 1, 1), Phase.Idea);
        IReadOnlyList<PhaseChange> started2020 = [Step(Phase.Idea, 2020, 1, 1), Step(Phase.InProcedure, 2020, 6, 1)];
        IReadOnlyList<PhaseChange> started2019 = [Step(Phase.Idea, 2019, 12, 31), Step(Phase.InProcedure, 2022, 1, 1)];
        var signalProjects = new[]
        {
            Project("a", ownership: 10) with { Novelty = rule.Classify(Phase.InProcedure, started2020) },
            Project("b", ownership: 10) with { Novelty = rule.Classify(Phase.InProcedure, started2019) },
        };
        var participation = ParticipationCalculator.Calculate(
        [
            new ParticipationFacts("a", "a", Technique.Wind, 1, Phase.InProcedure, 10, null, started2020, false),
            new ParticipationFacts("b", "b", Technique.Wind, 1, Phase.InProcedure, 10, null, started2019, false),
        ], rule);

        var signalled = SignalRules.Evaluate(signalProjects, [], 0, Today, Defaults, newProjects: rule).Where(s => s.Rule == SignalRule.LowLocalOwnership).Select(s => s.Subject);

        Assert.Equal(["a"], signalled);
        Assert.Equal(["a"], participation.NewProjects.Select(p => p.Id));
        Assert.Equal(["b"], participation.EarlierProjects.Select(p => p.Id));
        Assert.Contains("voor het eerst in de fase idee (of verder) op of na 1 januari 2020", SignalRules.Evaluate(signalProjects, [], 0, Today, Defaults, newProjects: rule).Single(s => s.Rule == SignalRule.LowLocalOwnership).Facts);
        // With the default rule (in procedure on or after 1 July 2021) b is the new one.
        Assert.Equal(["b"], ParticipationCalculator.Calculate(
        [
            new ParticipationFacts("a", "a", Technique.Wind, 1, Phase.InProcedure, 10, null, started2020, false),
            new ParticipationFacts("b", "b", Technique.Wind, 1, Phase.InProcedure, 10, null, started2019, false),
        ]).NewProjects.Select(p => p.Id));
    }

    [Fact]
    public void A_project_of_which_it_is_not_known_whether_it_is_new_is_a_gap_in_the_signal_and_in_the_indicator()
    {
        var projects = new[] { Project("undated", ownership: 10) with { Novelty = Novelty.Unknown } };
        var participation = ParticipationCalculator.Calculate([new ParticipationFacts("undated", "undated", Technique.Wind, 1, Phase.Permitted, 10, null, [], false)]);

        Assert.DoesNotContain(SignalRules.Evaluate(projects, [], 0, Today, Defaults), s => s.Rule == SignalRule.LowLocalOwnership);
        Assert.Equal(GapKind.NewSince, Assert.Single(SignalRules.Gaps(projects, [], Defaults)).Kind);
        Assert.Equal(["undated"], participation.NoveltyUnknown.Select(p => p.Id));
        Assert.Empty(participation.NewProjects);
        Assert.Empty(participation.EarlierProjects);
    }

    [Fact]
    public void Above_its_technique_targets_a_municipality_fills_its_technology_neutral_part()
    {
        // Westerveld: 28,000 MWh technology-neutral on land and 47,000 MWh on roofs.
        var targets = new[] { Target(Technique.TechnologyNeutral, 28_000), Target(Technique.SolarOnRoof, 47_000) };

        var full = MunicipalContribution.Calculate(targets, Yields((Technique.Wind, 10_000), (Technique.SolarOnLand, 20_000), (Technique.SolarOnRoof, 50_000)))!;
        var part = MunicipalContribution.Calculate(targets, Yields((Technique.SolarOnRoof, 40_000), (Technique.SolarOnLand, 5_000)))!;

        Assert.Equal((75_000m, 75_000m, 100m), (full.TargetMwh, full.CountedMwh, full.Percent));
        Assert.Equal(47_000m, full.Techniques.Single(l => l.Technique == Technique.SolarOnRoof).CountedMwh);
        Assert.Equal((33_000m, 28_000m), (full.TechnologyNeutral!.YieldMwh, full.TechnologyNeutral.CountedMwh));
        Assert.Equal((45_000m, 60m), (part.CountedMwh, part.Percent));
        Assert.Equal(5_000m, part.TechnologyNeutral!.CountedMwh);
        Assert.Null(MunicipalContribution.Calculate([], Yields((Technique.Wind, 1))));
    }

    [Fact]
    public void A_technique_target_is_not_filled_by_another_technique_without_a_technology_neutral_part()
    {
        var contribution = MunicipalContribution.Calculate([Target(Technique.SolarOnRoof, 1_000)], Yields((Technique.Wind, 5_000), (Technique.SolarOnRoof, 400)))!;

        Assert.Equal((400m, 40m), (contribution.CountedMwh, contribution.Percent));
        Assert.Null(contribution.TechnologyNeutral);
    }

    [Fact]
    public void The_agreed_contribution_decides_whether_a_municipality_is_behind_and_not_its_inhabitants()
    {
        // Target 1,000 MWh over 40,000 inhabitants: by inhabitants Aadorp (3/4) would need 750 and Beedorp (1/4) 250.
        var municipalities = new[]
        {
            new SignalMunicipality(1, "Aadorp", "aadorp", 30_000, 300, [Target(Technique.Wind, 300)], Yields((Technique.Wind, 300))),
            new SignalMunicipality(2, "Beedorp", "beedorp", 10_000, 300, [Target(Technique.TechnologyNeutral, 600)], Yields((Technique.SolarOnLand, 300))),
        };

        var behind = Assert.Single(SignalRules.Evaluate([], municipalities, 1_000, Today, Defaults));

        Assert.Equal("beedorp", behind.Subject);
        Assert.Equal(
            "Afgesproken bijdrage 600 MWh per jaar in 2030 (Raadsbesluit RES 1.0). Gerealiseerd plus vergund of in procedure vult daarvan 300 MWh, 50%; boven de doelen per techniek telt 300 MWh voor het techniekneutrale deel.",
            behind.Facts);
    }

    [Fact]
    public void Without_an_agreed_contribution_the_share_by_inhabitants_is_used_and_labelled_as_the_fallback()
    {
        var municipalities = new[]
        {
            new SignalMunicipality(1, "Aadorp", "aadorp", 30_000, 300, [Target(Technique.Wind, 300)], Yields((Technique.Wind, 300))),
            new SignalMunicipality(2, "Beedorp", "beedorp", 10_000, 100),
            new SignalMunicipality(3, "Ceedorp", "ceedorp", null, 0),
        };

        var behind = Assert.Single(SignalRules.Evaluate([], municipalities, 1_000, Today, Defaults));
        var gap = Assert.Single(SignalRules.Gaps([], municipalities, Defaults));

        Assert.Equal("beedorp", behind.Subject);
        Assert.StartsWith("Geen afgesproken bijdrage bekend; verdeling naar inwonertal: ", behind.Facts);
        Assert.Contains("40% van het aandeel naar inwoners in het doel (250 MWh)", behind.Facts);
        Assert.Equal((GapKind.ShareBasis, "ceedorp"), (gap.Kind, gap.Subject));
    }

    private static PhaseChange Step(Phase phase, int year, int month, int day) => new() { ProjectId = "p", Phase = phase, Date = new(year, month, day) };

    private static Target Target(Technique technique, decimal mwh) => new()
    {
        RegionId = "r", MunicipalityId = 1, Technique = technique, Year = 2030, ValueMwh = mwh, Source = "Raadsbesluit RES 1.0", ReferenceDate = new(2021, 7, 1),
    };

    private static Dictionary<Technique, decimal> Yields(params (Technique Technique, decimal Mwh)[] yields) => yields.ToDictionary(y => y.Technique, y => y.Mwh);

    private static SignalProject Project(string id, Phase phase = Phase.InProcedure, decimal? ownership = 60, DateOnly? lastChange = default, DateOnly? permitted = default) =>
        new(id, id, 1, phase, Novelty.New, lastChange ?? Today, permitted, ownership, 1_000, false);
}
