namespace ResMonitor.Core.Forecast;

/// <summary>The triangular distribution: simple to explain (shortest, most likely, longest) and exact to integrate.</summary>
public static class Triangular
{
    /// <summary>P(X ≤ x) for X ~ Triangular(min, mode, max).</summary>
    public static double Cdf(double x, double min, double mode, double max)
    {
        if (x < min)
        {
            return 0;
        }

        if (x >= max)
        {
            return 1;
        }

        // min < max here: x lies in [min, max).
        if (x <= mode)
        {
            return mode == min ? 0 : (x - min) * (x - min) / ((max - min) * (mode - min));
        }

        return 1 - ((max - x) * (max - x) / ((max - min) * (max - mode)));
    }
}
