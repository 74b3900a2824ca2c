using System.Globalization;

namespace ResMonitor.Core;

/// <summary>Numbers and dates the Dutch way: 3,45 TWh; 1 juli 2025.</summary>
public static class DutchFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nl-NL");

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    public static string Number(decimal value, int decimals) => value.ToString("N" + decimals, Culture);

    /// <summary>Energy from MWh to the unit a reader expects: TWh for the region, GWh for a project.</summary>
    public static string Energy(decimal mwh) => Math.Abs(mwh) switch
    {
        >= 1_000_000m => Number(mwh / 1_000_000m, 2) + " TWh",
        >= 1_000m => Number(mwh / 1_000m, 1) + " GWh",
        _ => Number(mwh, 0) + " MWh",
    };

    public static string Twh(decimal mwh, int decimals = 2) => Number(mwh / 1_000_000m, decimals) + " TWh";

    public static string Capacity(decimal mw) => Number(mw, mw % 1 == 0 ? 0 : 1) + " MW";
}
