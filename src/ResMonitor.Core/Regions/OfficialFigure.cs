using ResMonitor.Core.Energy;

namespace ResMonitor.Core.Regions;

/// <summary>
/// An official count of what stands in a region for one technique (e.g. CBS StatLine 70960ned: wind on land per
/// province), shipped as reference data with its table, period and status, so that the monitor can say how complete
/// its register is: "het register bevat X van de Y MW wind die CBS telde (eind 2022)".
/// </summary>
public sealed class OfficialFigure
{
    public int Id { get; set; }

    public required string RegionId { get; set; }

    public Technique Technique { get; set; }

    /// <summary>Installed capacity counted at the end of the period (MW; MWp for solar).</summary>
    public decimal CapacityMw { get; set; }

    /// <summary>The last day of the period counted, the figure's reference date: e.g. 2022-12-31 for "eind 2022".</summary>
    public DateOnly PeriodEnd { get; set; }

    /// <summary>The table's identifier, e.g. "70960ned" (CBS StatLine).</summary>
    public required string TableId { get; set; }

    /// <summary>"voorlopig", "nader voorlopig" or "definitief", as the table marks the period (CBS: * and **).</summary>
    public required string Status { get; set; }

    /// <summary>The source in public terms: organisation, table title, what was taken (and the address).</summary>
    public required string Source { get; set; }
}
