namespace ResMonitor.Core.Forecast;

/// <summary>The forecast in one plain Dutch sentence, the same on the site and on the command line.</summary>
public static class ForecastSentence
{
    public static string Dutch(RegionForecast forecast)
    {
        var r = forecast.Result;
        var chance = Percent(r.ProbabilityOfReachingTarget);
        var when = r.MedianYearReached is { } year
            ? year <= r.TargetYear ? $"naar verwachting in {year}" : $"naar verwachting pas in {year}"
            : $"naar verwachting niet vóór {r.ByYear[^1].Year + 1}";
        return $"De kans dat {forecast.Name} in {r.TargetYear} {Twh(r.TargetMwh)} haalt, is {chance}. " +
               $"Naar verwachting wordt het in {r.TargetYear} {Twh(r.TargetYearMwh.P10)} tot {Twh(r.TargetYearMwh.P90)} (middelste uitkomst {Twh(r.TargetYearMwh.P50)}). " +
               $"Het doel wordt {when} gehaald.";
    }

    /// <summary>A chance as a whole percentage, but never a hard 0% or 100% for something that is merely unlikely or likely.</summary>
    public static string Percent(double probability) => probability switch
    {
        0 => "vrijwel nul",
        1 => "vrijwel zeker",
        < 0.01 => "minder dan 1%",
        > 0.99 => "meer dan 99%",
        _ => DutchFormat.Number((decimal)Math.Round(probability * 100), 0) + "%",
    };

    private static string Twh(double mwh) => DutchFormat.Twh((decimal)mwh);
}
