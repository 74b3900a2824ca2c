using ResMonitor.Core.Energy;

namespace ResMonitor.Core.Regions;

/// <summary>
/// A goal: the region's whole bid (Technique null), one technique's part of it, or a municipality's agreed contribution
/// for one technique (<see cref="MunicipalityId"/> set; see docs/decisions/0016-municipal-targets-and-honest-signals.md).
/// </summary>
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

    /// <summary>The municipality whose agreed contribution this is; null for a target of the whole region.</summary>
    public int? MunicipalityId { get; set; }

    public bool IsRegional => MunicipalityId is null;
}
