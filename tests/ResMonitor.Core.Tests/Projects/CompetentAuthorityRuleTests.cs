using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;

namespace ResMonitor.Core.Tests;

public class CompetentAuthorityRuleTests
{
    [Theory]
    [InlineData(Technique.Wind, 4.9, CompetentAuthority.Municipality)]
    [InlineData(Technique.Wind, 5, CompetentAuthority.Province)]
    [InlineData(Technique.Wind, 100, CompetentAuthority.Province)]
    [InlineData(Technique.Wind, 100.1, CompetentAuthority.State)]
    [InlineData(Technique.SolarOnLand, 49.9, CompetentAuthority.Municipality)]
    [InlineData(Technique.SolarOnLand, 50, CompetentAuthority.Province)]
    [InlineData(Technique.SolarOnRoof, 60, CompetentAuthority.Province)]
    [InlineData(Technique.SolarOnLand, 150, CompetentAuthority.State)]
    public void Decides_by_technique_and_installed_capacity(Technique technique, double mw, CompetentAuthority expected)
    {
        Assert.Equal(expected, CompetentAuthorityRule.Decide(technique, (decimal)mw).Authority);
    }

    [Fact]
    public void A_recorded_hand_over_makes_the_province_competent_and_says_when()
    {
        var decision = CompetentAuthorityRule.Decide(Technique.SolarOnLand, 20m, new DateOnly(2023, 3, 14));

        Assert.Equal(CompetentAuthority.Province, decision.Authority);
        Assert.Contains("14 maart 2023", decision.Reason);
    }

    [Fact]
    public void A_hand_over_does_not_take_a_project_above_100_MW_from_the_state()
    {
        Assert.Equal(CompetentAuthority.State, CompetentAuthorityRule.Decide(Technique.Wind, 150m, new DateOnly(2023, 1, 1)).Authority);
    }

    [Fact]
    public void The_solar_threshold_is_marked_as_expected_law()
    {
        Assert.Contains("verwachte wetgeving", CompetentAuthorityRule.Decide(Technique.SolarOnLand, 55m).Reason);
    }
}
