using ResMonitor.Core.Regions;

namespace ResMonitor.Core.Energy;

/// <summary>
/// One version of the full-load hours (MWh per MW per year) for a technique, optionally for wind in one
/// municipality. Versions are never edited in place: a new figure gets a new row with its own validity.
/// </summary>
public sealed class FullLoadHours
{
    public int Id { get; set; }

    public required string RegionId { get; set; }

    public Technique Technique { get; set; }

    public int? MunicipalityId { get; set; }

    public Organisation? Municipality { get; set; }

    public decimal Hours { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidUntil { get; set; }

    public required string Source { get; set; }

    public bool IsValidOn(DateOnly date) => ValidFrom <= date && (ValidUntil is null || date <= ValidUntil);
}
