using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Data;
using ResMonitor.Core.Projects;

namespace ResMonitor.Core.Forecast;

/// <summary>
/// Reads the stored versions of the forecast assumptions and adds a new one. A version is never changed after it is
/// saved: new figures are a new version with its own name, start date and source.
/// </summary>
public sealed class ForecastAssumptionStore(ResMonitorDbContext db)
{
    public const int MaxVersionLength = 64;

    private static readonly Phase[] KnownPhases = Enum.GetValues<Phase>();

    /// <summary>The stored rows of a region; a row with a phase this version of the monitor does not know is left out.</summary>
    public static Task<List<ForecastAssumptionRow>> RowsAsync(ResMonitorDbContext db, string regionId, CancellationToken ct) =>
        db.ForecastAssumptions.AsNoTracking().Where(a => a.RegionId == regionId && KnownPhases.Contains(a.Phase)).ToListAsync(ct);

    public async Task<IReadOnlyList<StoredAssumptions>> VersionsAsync(string regionId, CancellationToken ct = default) =>
        ForecastAssumptionRow.Versions(await RowsAsync(db, regionId, ct));

    /// <summary>
    /// Every reason a new version cannot be saved: the problems of the assumptions themselves, a missing or taken
    /// name, and a start date in the past (a forecast already published must stay reproducible).
    /// </summary>
    public static IReadOnlyList<AssumptionProblem> Validate(ForecastAssumptions draft, IEnumerable<StoredAssumptions> existing, DateOnly today)
    {
        var problems = new List<AssumptionProblem>();
        var name = draft.Version.Trim();
        if (name.Length == 0)
        {
            problems.Add(new(null, "versie", "Geef de nieuwe versie een naam, bijvoorbeeld met het jaar of de datum."));
        }
        else if (name.Length > MaxVersionLength)
        {
            problems.Add(new(null, "versie", $"De naam van de versie is te lang: hoogstens {MaxVersionLength} tekens."));
        }
        else if (existing.Any(v => string.Equals(v.Assumptions.Version, name, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add(new(null, "versie", $"Er is al een versie '{name}'. Een versie wordt nooit gewijzigd: kies een nieuwe naam."));
        }

        if (draft.ValidFrom < today)
        {
            problems.Add(new(null, "geldigvanaf", $"Een nieuwe versie kan niet met terugwerkende kracht gelden: kies {DutchFormat.Date(today)} of later, zodat een eerder gepubliceerde prognose na te rekenen blijft."));
        }

        problems.AddRange(draft.FieldProblems());
        return problems;
    }

    /// <summary>Saves the draft as a new version, or returns why it cannot be saved and saves nothing.</summary>
    public async Task<IReadOnlyList<AssumptionProblem>> AddAsync(string regionId, ForecastAssumptions draft, DateOnly today, CancellationToken ct = default)
    {
        draft = draft with { Version = draft.Version.Trim(), Source = draft.Source.Trim() };
        var problems = Validate(draft, await VersionsAsync(regionId, ct), today);
        if (problems.Count > 0)
        {
            return problems;
        }

        db.Actor = db.Actor with { Reason = draft.Source };
        db.ForecastAssumptions.AddRange(ForecastAssumptionRow.From(regionId, draft));
        await db.SaveChangesAsync(ct);
        return [];
    }
}
