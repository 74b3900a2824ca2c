using ResMonitor.Core.Projects;

namespace ResMonitor.Core.Tests;

public class PhaseRulesTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    private static List<PhaseChange> History(params (Phase Phase, string Date)[] steps) =>
        steps.Select(s => new PhaseChange { ProjectId = "P", Phase = s.Phase, Date = DateOnly.Parse(s.Date, System.Globalization.CultureInfo.InvariantCulture) }).ToList();

    [Theory]
    [InlineData(Phase.Idea, Phase.InProcedure, true)]
    [InlineData(Phase.Idea, Phase.Realised, true)]
    [InlineData(Phase.InProcedure, Phase.Withdrawn, true)]
    [InlineData(Phase.Permitted, Phase.InProcedure, true)]
    [InlineData(Phase.Irrevocable, Phase.InProcedure, false)]
    [InlineData(Phase.Realised, Phase.Withdrawn, false)]
    [InlineData(Phase.Withdrawn, Phase.InProcedure, false)]
    [InlineData(Phase.UnderConstruction, Phase.Permitted, false)]
    [InlineData(Phase.Permitted, Phase.Permitted, false)]
    public void Allows_forward_moves_withdrawal_and_an_annulled_permit(Phase from, Phase to, bool allowed)
    {
        Assert.Equal(allowed, PhaseRules.CanMove(from, to));
    }

    [Fact]
    public void A_history_in_order_with_its_permit_is_valid()
    {
        var history = History((Phase.InProcedure, "2020-01-01"), (Phase.Permitted, "2021-05-01"), (Phase.Realised, "2023-09-01"));
        var permit = new Permit { ProjectId = "P", AppliedOn = new(2020, 1, 1), GrantedOn = new(2021, 5, 1) };

        Assert.Empty(PhaseRules.Validate(history, [permit], Today));
    }

    [Fact]
    public void A_phase_in_the_future_is_refused_with_its_date()
    {
        var errors = PhaseRules.Validate(History((Phase.InProcedure, "2025-07-01")), [], Today);

        var error = Assert.Single(errors);
        Assert.Equal("datum_in_procedure", error.Field);
        Assert.Contains("1 juli 2025", error.Message);
        Assert.Contains("toekomst", error.Message);
    }

    [Fact]
    public void Dates_out_of_order_are_refused_on_the_later_phase()
    {
        var errors = PhaseRules.Validate(History((Phase.InProcedure, "2022-01-01"), (Phase.Permitted, "2021-01-01")), [], Today);

        Assert.Equal("datum_vergund", Assert.Single(errors).Field);
    }

    [Fact]
    public void Realisation_before_the_permit_was_granted_is_refused()
    {
        var history = History((Phase.InProcedure, "2020-01-01"), (Phase.Realised, "2021-01-01"));
        var permit = new Permit { ProjectId = "P", GrantedOn = new(2022, 1, 1) };

        var error = Assert.Single(PhaseRules.Validate(history, [permit], Today));
        Assert.Equal("datum_gerealiseerd", error.Field);
        Assert.Contains("1 januari 2022", error.Message);
    }

    [Fact]
    public void Permit_dates_must_be_in_order_and_not_in_the_future()
    {
        var permit = new Permit { ProjectId = "P", AppliedOn = new(2022, 1, 1), GrantedOn = new(2021, 1, 1), IrrevocableOn = new(2026, 1, 1) };

        var fields = PhaseRules.Validate(History((Phase.InProcedure, "2020-01-01")), [permit], Today).Select(e => e.Field).ToList();

        Assert.Contains("vergunning_verleend", fields);
        Assert.Contains("vergunning_onherroepelijk", fields);
    }

    [Fact]
    public void A_project_without_any_phase_is_refused()
    {
        Assert.Equal("fase", Assert.Single(PhaseRules.Validate([], [], Today)).Field);
    }

    [Fact]
    public void Nothing_follows_realisation()
    {
        var errors = PhaseRules.Validate(History((Phase.Realised, "2020-01-01"), (Phase.Withdrawn, "2021-01-01")), [], Today);

        Assert.Contains("niet naar 'ingetrokken'", Assert.Single(errors).Message);
    }
}
