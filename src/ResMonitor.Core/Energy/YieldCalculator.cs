using ResMonitor.Core.Projects;

namespace ResMonitor.Core.Energy;

public enum YieldBasis
{
    Measured,
    FullLoadHours,

    /// <summary>No measurement and no full-load hours valid on the reference date.</summary>
    Unknown,
}

public readonly record struct YieldEstimate(decimal Mwh, YieldBasis Basis, FullLoadHours? HoursUsed);

/// <summary>
/// A project's yearly yield: the measurement where there is one, otherwise capacity x the full-load hours valid
/// on the reference date (for wind the municipality's own figure where the table has one).
/// </summary>
public sealed class YieldCalculator
{
    private readonly List<FullLoadHours> _table;
    private readonly DateOnly _referenceDate;

    public YieldCalculator(IEnumerable<FullLoadHours> table, DateOnly referenceDate)
    {
        _referenceDate = referenceDate;
        _table = table.Where(h => h.IsValidOn(referenceDate)).ToList();
    }

    public YieldEstimate Estimate(Technique technique, decimal capacityMw, int municipalityId, decimal? measuredMwh)
    {
        if (measuredMwh is { } measured)
        {
            return new(measured, YieldBasis.Measured, null);
        }

        var hours = HoursFor(technique, municipalityId);
        return hours is null
            ? new(0m, YieldBasis.Unknown, null)
            : new(capacityMw * hours.Hours, YieldBasis.FullLoadHours, hours);
    }

    public YieldEstimate Estimate(Project project) =>
        Estimate(project.Technique, project.CapacityMw, project.MunicipalityId, project.MeasuredYieldMwh);

    public FullLoadHours? HoursFor(Technique technique, int municipalityId) =>
        Latest(h => h.Technique == technique && h.MunicipalityId == municipalityId)
        ?? Latest(h => h.Technique == technique && h.MunicipalityId is null);

    public DateOnly ReferenceDate => _referenceDate;

    private FullLoadHours? Latest(Func<FullLoadHours, bool> match) =>
        _table.Where(match).OrderByDescending(h => h.ValidFrom).FirstOrDefault();
}
