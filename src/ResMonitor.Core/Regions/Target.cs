using ResMonitor.Core.Energy;

namespace ResMonitor.Core.Regions;

/// <summary>A regional goal: the whole bid (Technique null) or one technique's part of it.</summary>
public sealed class Target
{
    public int Id { get; set; }

    public required string RegionId { get; set; }

    public Technique? Technique { get; set; }

    public int Year { get; set; }

    public decimal ValueMwh { get; set; }

    public required string Source { get; set; }

    public DateOnly ReferenceDate { get; set; }

    public string? Note { get; set; }
}
