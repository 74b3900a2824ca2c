using System.Globalization;
using ResMonitor.Core;

namespace ResMonitor.Web.Infrastructure;

/// <summary>
/// Dutch first, English on request: `?lang=en` for one page, the language switch (a plain link, no script) for the
/// visit. Texts are written side by side in the pages, so a Dutch sentence and its English twin never drift apart.
/// </summary>
public sealed class Language(IHttpContextAccessor accessor)
{
    public const string Cookie = "lang";

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public bool IsEnglish
    {
        get
        {
            var request = accessor.HttpContext?.Request;
            var chosen = request?.Query["lang"].ToString() is { Length: > 0 } query ? query : request?.Cookies[Cookie];
            return chosen == "en";
        }
    }

    public string Code => IsEnglish ? "en" : "nl";

    public CultureInfo Culture => IsEnglish ? English : DutchFormat.Culture;

    public string T(string dutch, string english) => IsEnglish ? english : dutch;

    public string Number(decimal value, int decimals) => value.ToString("N" + decimals, Culture);

    public string Twh(decimal mwh, int decimals = 2) => Number(mwh / 1_000_000m, decimals) + " TWh";

    public string Gwh(decimal mwh, int decimals = 1) => Number(mwh / 1_000m, decimals) + " GWh";

    public string Mw(decimal mw) => Number(mw, mw % 1 == 0 ? 0 : 1) + " MW";

    public string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    /// <summary>
    /// How current the projects behind a figure are: the date of the newest source among them, not the day the page is
    /// shown ("de nieuwste bron is van 1 juli 2025").
    /// </summary>
    public string NewestSource(DateOnly? newest) => newest is { } d
        ? T($"de nieuwste bron is van {Date(d)}", $"the newest source dates from {Date(d)}")
        : T("er zijn nog geen projecten met een bron", "there are no projects with a source yet");

    public string Percent(decimal share) => Number(share * 100m, 0) + "%";

    public string Phase(Core.Projects.Phase phase) => IsEnglish ? Labels.PhaseEnglish(phase) : Labels.Phase(phase);

    public string Technique(Core.Energy.Technique technique) => IsEnglish
        ? technique switch
        {
            Core.Energy.Technique.Wind => "wind",
            Core.Energy.Technique.SolarOnLand => "solar on land",
            Core.Energy.Technique.SolarOnRoof => "solar on roofs",
            _ => "technology-neutral",
        }
        : Labels.Technique(technique);

    public string Authority(Core.Projects.CompetentAuthority authority) => IsEnglish
        ? authority switch
        {
            Core.Projects.CompetentAuthority.Municipality => "municipality",
            Core.Projects.CompetentAuthority.Province => "province",
            _ => "national government",
        }
        : Labels.Authority(authority);
}
