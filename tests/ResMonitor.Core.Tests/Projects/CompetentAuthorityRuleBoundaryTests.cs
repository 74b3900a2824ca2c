using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;

namespace ResMonitor.Core.Tests.Projects;

/// <summary>The reason the editor and the import show next to a competent authority that does not fit the rule.</summary>
public class CompetentAuthorityRuleBoundaryTests
{
    [Theory]
    [InlineData(Technique.Wind, 100.01, "Rijk: meer dan 100 MW opgesteld vermogen.")]
    [InlineData(Technique.SolarOnRoof, 250, "Rijk: meer dan 100 MW opgesteld vermogen.")]
    [InlineData(Technique.Wind, 5, "Provincie: wind van 5 tot en met 100 MW opgesteld vermogen.")]
    [InlineData(Technique.Wind, 100, "Provincie: wind van 5 tot en met 100 MW opgesteld vermogen.")]
    [InlineData(Technique.SolarOnRoof, 50, "Provincie: zon vanaf 50 MW opgesteld vermogen (verwachte wetgeving).")]
    [InlineData(Technique.Wind, 4.99, "Gemeente: onder de grenzen voor provincie en Rijk.")]
    [InlineData(Technique.SolarOnRoof, 49.99, "Gemeente: onder de grenzen voor provincie en Rijk.")]
    public void Each_decision_states_its_rule(Technique technique, double mw, string reason)
    {
        Assert.Equal(reason, CompetentAuthorityRule.Decide(technique, (decimal)mw).Reason);
    }

    [Fact]
    public void A_hand_over_names_the_day_and_the_municipality_that_handed_over()
    {
        var decision = CompetentAuthorityRule.Decide(Technique.Wind, 2m, new DateOnly(2024, 2, 29));

        Assert.Equal(CompetentAuthority.Province, decision.Authority);
        Assert.Equal("Provincie: de gemeente heeft het project op 29 februari 2024 aan de provincie overgedragen.", decision.Reason);
    }
}
