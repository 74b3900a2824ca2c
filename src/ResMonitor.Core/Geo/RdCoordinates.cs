namespace ResMonitor.Core.Geo;

/// <summary>
/// RD New (EPSG:28992) to WGS84, with the published approximation of Schreutelaar (accurate to about a metre in
/// the Netherlands, enough for a project marker) — no projection library needed.
/// </summary>
public static class RdCoordinates
{
    private const double X0 = 155000, Y0 = 463000, Phi0 = 52.15517440, Lam0 = 5.38720621;

    private static readonly (int P, int Q, double K)[] PhiTerms =
    [
        (0, 1, 3235.65389), (2, 0, -32.58297), (0, 2, -0.24750), (2, 1, -0.84978), (0, 3, -0.06550),
        (2, 2, -0.01709), (1, 0, -0.00738), (4, 0, 0.00530), (2, 3, -0.00039), (4, 1, 0.00033), (1, 1, -0.00012),
    ];

    private static readonly (int P, int Q, double L)[] LamTerms =
    [
        (1, 0, 5260.52916), (1, 1, 105.94684), (1, 2, 2.45656), (3, 0, -0.81885), (1, 3, 0.05594),
        (3, 1, -0.05607), (0, 1, 0.01199), (3, 2, -0.00256), (1, 4, 0.00128), (0, 2, 0.00022), (2, 0, -0.00022),
        (5, 0, 0.00026),
    ];

    /// <summary>The RD grid's valid range on land and the territorial sea.</summary>
    public static bool IsInNetherlands(double x, double y) => x is >= -7_000 and <= 300_000 && y is >= 289_000 and <= 629_000;

    public static (double Latitude, double Longitude) ToWgs84(double x, double y)
    {
        var dx = (x - X0) * 1e-5;
        var dy = (y - Y0) * 1e-5;
        double phi = 0, lam = 0;
        foreach (var (p, q, k) in PhiTerms)
        {
            phi += k * Math.Pow(dx, p) * Math.Pow(dy, q);
        }

        foreach (var (p, q, l) in LamTerms)
        {
            lam += l * Math.Pow(dx, p) * Math.Pow(dy, q);
        }

        return (Phi0 + (phi / 3600), Lam0 + (lam / 3600));
    }

    /// <summary>A generous box around the Netherlands for WGS84 input.</summary>
    public static bool IsInNetherlandsWgs84(double latitude, double longitude) =>
        latitude is >= 50.7 and <= 53.7 && longitude is >= 3.2 and <= 7.3;
}
