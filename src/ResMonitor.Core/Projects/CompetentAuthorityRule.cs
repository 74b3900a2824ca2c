using ResMonitor.Core.Energy;

namespace ResMonitor.Core.Projects;

/// <summary>Who decides, with the rule's reason in Dutch and in English (for the English pages).</summary>
public sealed record AuthorityDecision(CompetentAuthority Authority, string Reason, string ReasonInEnglish);

/// <summary>
/// Who decides the permit, after seed 002 ("Rol provincie"): the province for wind from one 5 MW turbine up to
/// 100 MW installed, for solar from 50 MW (expected law), the state above 100 MW, the municipality otherwise; a
/// municipality may hand a project to the province.
/// </summary>
public static class CompetentAuthorityRule
{
    public const decimal ProvinceWindFromMw = 5m;
    public const decimal ProvinceSolarFromMw = 50m;
    public const decimal StateAboveMw = 100m;

    public static AuthorityDecision Decide(Technique technique, decimal capacityMw, DateOnly? handedOverToProvinceOn = null)
    {
        if (capacityMw > StateAboveMw)
        {
            return new(CompetentAuthority.State, "Rijk: meer dan 100 MW opgesteld vermogen.",
                "State: more than 100 MW installed capacity.");
        }

        if (technique == Technique.Wind && capacityMw >= ProvinceWindFromMw)
        {
            return new(CompetentAuthority.Province, "Provincie: wind van 5 tot en met 100 MW opgesteld vermogen.",
                "Province: wind from 5 up to and including 100 MW installed capacity.");
        }

        if (technique is Technique.SolarOnLand or Technique.SolarOnRoof && capacityMw >= ProvinceSolarFromMw)
        {
            return new(CompetentAuthority.Province, "Provincie: zon vanaf 50 MW opgesteld vermogen (verwachte wetgeving).",
                "Province: solar from 50 MW installed capacity (expected legislation).");
        }

        if (handedOverToProvinceOn is { } date)
        {
            return new(CompetentAuthority.Province,
                $"Provincie: de gemeente heeft het project op {DutchFormat.Date(date)} aan de provincie overgedragen.",
                $"Province: the municipality handed the project over to the province on {date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}.");
        }

        return new(CompetentAuthority.Municipality, "Gemeente: onder de grenzen voor provincie en Rijk.",
            "Municipality: below the thresholds for province and state.");
    }
}
