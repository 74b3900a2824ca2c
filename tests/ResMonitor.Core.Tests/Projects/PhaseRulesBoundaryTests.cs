using ResMonitor.Core.Projects;

namespace ResMonitor.Core.Tests.Projects;

/// <summary>The edges of the phase and permit dates: today, the same day twice, a permit step left out.</summary>
public class PhaseRulesBoundaryTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    private static PhaseChange Step(Phase phase, DateOnly date) => new() { ProjectId = "P", Phase = phase, Date = date };

    [Fact]
    public void A_phase_dated_today_is_accepted_and_one_dated_tomorrow_is_not()
    {
        Assert.Empty(PhaseRules.Validate([Step(Phase.Idea, Today)], [], Today));

        var error = Assert.Single(PhaseRules.Validate([Step(Phase.Idea, Today.AddDays(1))], [], Today));
        Assert.Equal("datum_idee", error.Field);
        Assert.Equal("De datum 2 juni 2025 voor 'idee' ligt in de toekomst.", error.Message);
    }

    [Fact]
    public void A_later_phase_dated_tomorrow_is_refused_on_its_own_field()
    {
        var error = Assert.Single(PhaseRules.Validate([Step(Phase.Idea, Today.AddDays(-10)), Step(Phase.InProcedure, Today.AddDays(1))], [], Today));

        Assert.Equal("datum_in_procedure", error.Field);
        Assert.Contains("2 juni 2025", error.Message);
    }

    [Fact]
    public void Two_phases_on_one_day_are_accepted_and_a_day_earlier_is_not()
    {
        var day = new DateOnly(2024, 3, 15);
        Assert.Empty(PhaseRules.Validate([Step(Phase.InProcedure, day), Step(Phase.Permitted, day), Step(Phase.Realised, day)], [], Today));

        var error = Assert.Single(PhaseRules.Validate([Step(Phase.InProcedure, day), Step(Phase.Permitted, day.AddDays(-1))], [], Today));
        Assert.Equal("datum_vergund", error.Field);
        Assert.Equal("'vergund' (14 maart 2024) ligt vóór 'in procedure' (15 maart 2024).", error.Message);
    }

    [Fact]
    public void A_move_that_is_not_allowed_names_both_phases_on_the_later_one()
    {
        var error = Assert.Single(PhaseRules.Validate([Step(Phase.UnderConstruction, new(2023, 1, 1)), Step(Phase.Idea, new(2024, 1, 1))], [], Today));

        Assert.Equal("datum_idee", error.Field);
        Assert.Equal("Van 'in aanbouw' kan een project niet naar 'idee'.", error.Message);
    }

    [Fact]
    public void A_backward_move_dated_earlier_gives_one_message_not_two()
    {
        // The move itself is refused; its date is not compared as well.
        var error = Assert.Single(PhaseRules.Validate([Step(Phase.Permitted, new(2023, 1, 1)), Step(Phase.Idea, new(2022, 1, 1))], [], Today));

        Assert.Contains("kan een project niet", error.Message);
    }

    [Fact]
    public void Every_step_is_checked_not_only_the_first_pair()
    {
        var errors = PhaseRules.Validate(
            [Step(Phase.Idea, new(2020, 1, 1)), Step(Phase.InProcedure, new(2021, 1, 1)), Step(Phase.Permitted, new(2020, 6, 1)), Step(Phase.Realised, Today.AddDays(1))],
            [], Today);

        Assert.Equal(["datum_vergund", "datum_gerealiseerd"], errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData(Phase.Idea, Phase.Idea)]
    [InlineData(Phase.Realised, Phase.Realised)]
    [InlineData(Phase.Withdrawn, Phase.Withdrawn)]
    [InlineData(Phase.Withdrawn, Phase.Realised)]
    [InlineData(Phase.Realised, Phase.UnderConstruction)]
    [InlineData(Phase.Irrevocable, Phase.Permitted)]
    [InlineData(Phase.Subsidy, Phase.InProcedure)]
    public void Refused_moves(Phase from, Phase to) => Assert.False(PhaseRules.CanMove(from, to));

    [Theory]
    [InlineData(Phase.Idea, Phase.Withdrawn)]
    [InlineData(Phase.UnderConstruction, Phase.Withdrawn)]
    [InlineData(Phase.UnderConstruction, Phase.Realised)]
    [InlineData(Phase.InProcedure, Phase.Permitted)]
    [InlineData(Phase.Permitted, Phase.Irrevocable)]
    public void Allowed_moves(Phase from, Phase to) => Assert.True(PhaseRules.CanMove(from, to));

    [Fact]
    public void Permit_dates_of_today_are_accepted_and_of_tomorrow_refused_per_date()
    {
        var history = new[] { Step(Phase.InProcedure, new(2024, 1, 1)) };
        Assert.Empty(PhaseRules.Validate(history, [new Permit { ProjectId = "P", AppliedOn = Today, GrantedOn = Today, IrrevocableOn = Today }], Today));

        var tomorrow = Today.AddDays(1);
        Assert.Equal(
            [
                ("vergunning_aangevraagd", "De datum van aanvraag van de vergunning (2 juni 2025) ligt in de toekomst."),
                ("vergunning_verleend", "De datum van verlening van de vergunning (2 juni 2025) ligt in de toekomst."),
                ("vergunning_onherroepelijk", "De datum van onherroepelijk worden van de vergunning (2 juni 2025) ligt in de toekomst."),
            ],
            PhaseRules.Validate(history, [new Permit { ProjectId = "P", AppliedOn = tomorrow, GrantedOn = tomorrow, IrrevocableOn = tomorrow }], Today)
                .Select(e => (e.Field, e.Message)));
    }

    [Fact]
    public void A_permit_granted_on_the_day_of_application_and_irrevocable_the_same_day_is_in_order()
    {
        var day = new DateOnly(2024, 5, 1);
        Assert.Empty(PhaseRules.Validate([Step(Phase.Irrevocable, day)], [new Permit { ProjectId = "P", AppliedOn = day, GrantedOn = day, IrrevocableOn = day }], Today));
    }

    [Fact]
    public void Irrevocable_before_the_application_is_refused_when_no_grant_date_is_known()
    {
        var permit = new Permit { ProjectId = "P", AppliedOn = new(2024, 5, 1), IrrevocableOn = new(2024, 4, 30) };

        var error = Assert.Single(PhaseRules.Validate([Step(Phase.Irrevocable, new(2024, 5, 1))], [permit], Today));

        Assert.Equal("vergunning_onherroepelijk", error.Field);
        Assert.Equal("De datum van onherroepelijk worden van de vergunning (30 april 2024) ligt vóór de aanvraag (1 mei 2024).", error.Message);
    }

    [Fact]
    public void Irrevocable_before_the_grant_is_compared_with_the_grant_not_the_application()
    {
        var permit = new Permit { ProjectId = "P", AppliedOn = new(2024, 1, 1), GrantedOn = new(2024, 5, 1), IrrevocableOn = new(2024, 3, 1) };

        var error = Assert.Single(PhaseRules.Validate([Step(Phase.Irrevocable, new(2024, 5, 1))], [permit], Today));

        Assert.Equal("vergunning_onherroepelijk", error.Field);
        Assert.Equal("De datum van onherroepelijk worden van de vergunning (1 maart 2024) ligt vóór de verlening (1 mei 2024).", error.Message);
    }

    [Fact]
    public void A_grant_before_the_application_names_both_dates()
    {
        var permit = new Permit { ProjectId = "P", AppliedOn = new(2024, 5, 1), GrantedOn = new(2024, 4, 1) };

        var error = Assert.Single(PhaseRules.Validate([Step(Phase.Permitted, new(2024, 5, 1))], [permit], Today));

        Assert.Equal("vergunning_verleend", error.Field);
        Assert.Equal("De datum van verlening van de vergunning (1 april 2024) ligt vóór de aanvraag (1 mei 2024).", error.Message);
    }

    [Fact]
    public void A_permit_with_only_a_grant_date_or_no_dates_needs_no_order()
    {
        var history = new[] { Step(Phase.Permitted, new(2024, 5, 1)) };
        Assert.Empty(PhaseRules.Validate(history, [new Permit { ProjectId = "P", GrantedOn = new(2024, 5, 1) }], Today));
        Assert.Empty(PhaseRules.Validate(history, [new Permit { ProjectId = "P", IrrevocableOn = new(2024, 5, 1) }], Today));
        Assert.Empty(PhaseRules.Validate(history, [new Permit { ProjectId = "P" }], Today));
    }

    [Fact]
    public void Realised_on_the_day_the_permit_was_granted_is_accepted_and_a_day_earlier_is_not()
    {
        var day = new DateOnly(2024, 9, 1);
        var permit = new Permit { ProjectId = "P", GrantedOn = day };
        Assert.Empty(PhaseRules.Validate([Step(Phase.InProcedure, new(2023, 1, 1)), Step(Phase.Realised, day)], [permit], Today));

        var error = Assert.Single(PhaseRules.Validate([Step(Phase.InProcedure, new(2023, 1, 1)), Step(Phase.Realised, day.AddDays(-1))], [permit], Today));
        Assert.Equal("datum_gerealiseerd", error.Field);
        Assert.Equal("Gerealiseerd (31 augustus 2024) kan niet vóór de verlening van de vergunning (1 september 2024).", error.Message);
    }

    [Fact]
    public void Every_permit_is_checked_against_the_realisation()
    {
        var history = new[] { Step(Phase.InProcedure, new(2023, 1, 1)), Step(Phase.Realised, new(2024, 1, 1)) };
        var onTime = new Permit { ProjectId = "P", GrantedOn = new(2023, 6, 1) };
        var late = new Permit { ProjectId = "P", GrantedOn = new(2024, 6, 1) };

        Assert.Equal("datum_gerealiseerd", Assert.Single(PhaseRules.Validate(history, [onTime, late], Today)).Field);
    }

    [Fact]
    public void A_permit_granted_after_an_unrealised_project_was_withdrawn_is_not_a_realisation_problem()
    {
        var history = new[] { Step(Phase.InProcedure, new(2023, 1, 1)), Step(Phase.Withdrawn, new(2024, 1, 1)) };

        Assert.Empty(PhaseRules.Validate(history, [new Permit { ProjectId = "P", GrantedOn = new(2024, 6, 1) }], Today));
    }

    [Fact]
    public void The_field_of_a_phase_date_is_named_after_the_phase()
    {
        Assert.Equal("datum_sde", PhaseRules.FieldOf(Phase.Subsidy));
        Assert.Equal("datum_in_aanbouw", PhaseRules.FieldOf(Phase.UnderConstruction));
    }

    [Fact]
    public void An_empty_history_says_what_to_give()
    {
        Assert.Equal("Het project heeft geen fase: geef minstens één fase met datum.", Assert.Single(PhaseRules.Validate([], [], Today)).Message);
    }
}
