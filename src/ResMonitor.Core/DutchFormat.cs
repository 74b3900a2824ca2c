using System.Globalization;

namespace ResMonitor.Core;

/// <summary>Numbers and dates the Dutch way: 3,45 TWh; 1 juli 2025.</summary>
public static class DutchFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nl-NL");

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    public static string Number(decimal value, int decimals) => value.ToString("N" + decimals, Culture);

    /// <summary>Energy from MWh to the unit a reader expects: TWh for the region, GWh for a project.</summary>
    public static string Energy(decimal mwh) => Energy(mwh, mwh);

    /// <summary>
    /// Energy in the unit that <paramref name="unitFrom"/> (the largest figure of a list) takes, so that one list
    /// speaks one unit: "0,0 GWh" next to "176,6 GWh", not "0 MWh".
    /// </summary>
    public static string Energy(decimal mwh, decimal unitFrom) => Math.Abs(unitFrom) switch
    {
        >= 1_000_000m => Number(mwh / 1_000_000m, 2) + " TWh",
        >= 1_000m => Number(mwh / 1_000m, 1) + " GWh",
        _ => Number(mwh, 0) + " MWh",
    };

    public static string Twh(decimal mwh, int decimals = 2) => Number(mwh / 1_000_000m, decimals) + " TWh";

    public static string Capacity(decimal mw) => Number(mw, mw % 1 == 0 ? 0 : 1) + " MW";
}

/// <summary>The same figures for the English pages: 3.45 TWh; 1 July 2025.</summary>
public static class EnglishFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    public static string Number(decimal value, int decimals) => value.ToString("N" + decimals, Culture);

    /// <summary>Energy in the same unit <see cref="DutchFormat.Energy(decimal, decimal)"/> chooses.</summary>
    public static string Energy(decimal mwh, decimal unitFrom) => Math.Abs(unitFrom) switch
    {
        >= 1_000_000m => Number(mwh / 1_000_000m, 2) + " TWh",
        >= 1_000m => Number(mwh / 1_000m, 1) + " GWh",
        _ => Number(mwh, 0) + " MWh",
    };
}
