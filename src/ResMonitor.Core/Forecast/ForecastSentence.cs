using System.Globalization;

namespace ResMonitor.Core.Forecast;

/// <summary>The forecast in one plain sentence, the same on the site and on the command line.</summary>
public static class ForecastSentence
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Dutch(RegionForecast forecast)
    {
        var r = forecast.Result;
        var when = r.MedianYearReached is { } year
            ? year <= r.TargetYear ? $"naar verwachting in {year}" : $"naar verwachting pas in {year}"
            : $"naar verwachting niet vóór {r.ByYear[^1].Year + 1}";
        return $"De kans dat {forecast.Name} in {r.TargetYear} {Twh(r.TargetMwh, DutchFormat.Culture)} haalt, is {Percent(r.ProbabilityOfReachingTarget)}. " +
               $"In 8 van de 10 berekeningen ligt de opbrengst in {r.TargetYear} tussen {Number(r.TargetYearMwh.P10, DutchFormat.Culture)} en {Twh(r.TargetYearMwh.P90, DutchFormat.Culture)}. " +
               $"Het doel wordt {when} gehaald.";
    }

    public static string InEnglish(RegionForecast forecast)
    {
        var r = forecast.Result;
        var when = r.MedianYearReached is { } year ? $"is expected to be reached in {year}" : $"is not expected to be reached before {r.ByYear[^1].Year + 1}";
        return $"The chance that {forecast.Name} reaches {Twh(r.TargetMwh, English)} in {r.TargetYear} is {Percent(r.ProbabilityOfReachingTarget, english: true)}. " +
               $"In 8 of 10 calculations the yield in {r.TargetYear} lies between {Number(r.TargetYearMwh.P10, English)} and {Twh(r.TargetYearMwh.P90, English)}. " +
               $"The target {when}.";
    }

    /// <summary>A chance as a whole percentage, but never a hard 0% or 100% for something that is merely unlikely or likely.</summary>
    public static string Percent(double probability, bool english = false) => probability switch
    {
        0 => english ? "virtually nil" : "vrijwel nul",
        1 => english ? "virtually certain" : "vrijwel zeker",
        < 0.01 => english ? "less than 1%" : "minder dan 1%",
        > 0.99 => english ? "more than 99%" : "meer dan 99%",
        _ => Math.Round(probability * 100).ToString("N0", english ? English : DutchFormat.Culture) + "%",
    };

    private static string Twh(double mwh, CultureInfo culture) => Number(mwh, culture) + " TWh";

    private static string Number(double mwh, CultureInfo culture) => (mwh / 1_000_000).ToString("N2", culture);
}
