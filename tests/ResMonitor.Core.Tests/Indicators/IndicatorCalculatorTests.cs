using ResMonitor.Core.Energy;
using ResMonitor.Core.Indicators;
using ResMonitor.Core.Projects;

namespace ResMonitor.Core.Tests;

public class IndicatorCalculatorTests
{
    private static ParticipationFacts Project(string id, decimal mw, decimal? local, Phase phase, params (Phase Phase, int Year)[] steps) =>
        new(id, id, Technique.Wind, mw, phase, local, null,
            steps.Select(s => new PhaseChange { ProjectId = id, Phase = s.Phase, Date = new DateOnly(s.Year, 1, 1) }).ToList(), false);

    [Fact]
    public void Only_projects_that_entered_procedure_after_the_agreement_are_measured_against_the_aim()
    {
        var summary = ParticipationCalculator.Calculate(
        [
            Project("old", 50m, 0m, Phase.Realised, (Phase.InProcedure, 2019), (Phase.Realised, 2020)),
            Project("new-high", 30m, 60m, Phase.Permitted, (Phase.Idea, 2020), (Phase.InProcedure, 2022), (Phase.Permitted, 2023)),
            Project("new-low", 10m, 20m, Phase.InProcedure, (Phase.InProcedure, 2023)),
            Project("idea", 5m, null, Phase.Idea, (Phase.Idea, 2018)),
            Project("gone", 40m, 100m, Phase.Withdrawn, (Phase.InProcedure, 2022), (Phase.Withdrawn, 2023)),
        ]);

        Assert.Equal(["new-high", "new-low", "idea"], summary.NewProjects.Select(p => p.Id));
        Assert.Equal(["old"], summary.EarlierProjects.Select(p => p.Id));
        Assert.Equal(["new-high"], summary.AtOrAboveAim.Select(p => p.Id));
        Assert.Equal(["idea"], summary.WithoutData.Select(p => p.Id));
        Assert.Equal((30m * 60m + 10m * 20m) / 40m, summary.CapacityWeightedPercent);
    }

    [Fact]
    public void Exactly_fifty_percent_meets_the_aim()
    {
        var summary = ParticipationCalculator.Calculate([Project("a", 1m, 50m, Phase.InProcedure, (Phase.InProcedure, 2024))]);

        Assert.Single(summary.AtOrAboveAim);
    }

    [Fact]
    public void Permits_are_split_at_1_January_2025_and_by_competent_authority()
    {
        static Permit Granted(string id, CompetentAuthority authority, int year) =>
            new() { ProjectId = id, CompetentAuthority = authority, AppliedOn = new(year - 1, 1, 1), GrantedOn = new(year, 3, 1) };
        var progress = PermitProgressCalculator.Calculate(
        [
            new("a", 10m, Phase.Permitted, [Granted("a", CompetentAuthority.Municipality, 2024)]),
            new("b", 20m, Phase.Irrevocable, [Granted("b", CompetentAuthority.Province, 2025)]),
            new("c", 5m, Phase.InProcedure, [new Permit { ProjectId = "c", AppliedOn = new(2024, 12, 1) }]),
            new("d", 1m, Phase.Idea, []),
        ]);

        Assert.Equal(new CountAndCapacity(1, 10m), progress.GrantedBeforeDeadline);
        Assert.Equal(new CountAndCapacity(1, 20m), progress.GrantedOnOrAfterDeadline);
        Assert.Equal(new CountAndCapacity(1, 5m), progress.AppliedNotGranted);
        Assert.Equal(new CountAndCapacity(2, 15m), progress.ByAuthority.Single(a => a.Authority == CompetentAuthority.Municipality).Value);
        Assert.Equal(new CountAndCapacity(1, 20m), progress.ByAuthority.Single(a => a.Authority == CompetentAuthority.Province).Value);
        Assert.Equal(new CountAndCapacity(1, 1m), progress.ByPhase.Single(p => p.Phase == Phase.Idea).Value);
    }
}
