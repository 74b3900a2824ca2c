using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Data;
using ResMonitor.Core.Regions;

namespace ResMonitor.Core.Grid;

/// <summary>An area a congestion record can be about: its form key and its name.</summary>
public sealed record CongestionArea(string Key, string Name, bool IsSearchArea);

/// <summary>Reads and writes the grid congestion register (netcongestie).</summary>
public sealed class CongestionService(ResMonitorDbContext db)
{
    /// <summary>Every record of the region, in force first, then by area and start.</summary>
    public async Task<IReadOnlyList<CongestionView>> ListAsync(string regionId, CancellationToken ct = default) =>
        Views(
            await db.Congestions.AsNoTracking().Where(c => c.RegionId == regionId).ToListAsync(ct),
            await db.Organisations.AsNoTracking().ToListAsync(ct),
            await db.SearchAreas.AsNoTracking().Where(a => a.RegionId == regionId).ToListAsync(ct));

    /// <summary>The records as shown, in force first, then by area and start.</summary>
    public static IReadOnlyList<CongestionView> Views(
        IEnumerable<Congestion> records, IEnumerable<Regions.Organisation> organisations, IEnumerable<Projects.SearchArea> searchAreas)
    {
        var byId = organisations.ToDictionary(o => o.Id);
        var areas = searchAreas.ToDictionary(a => a.Id, StringComparer.Ordinal);
        return records
            .Select(r =>
            {
                var municipality = r.MunicipalityId is { } m ? byId.GetValueOrDefault(m)?.Name : null;
                var gridOperator = byId[r.GridOperatorId];
                return new CongestionView(
                    r.Id, r.SearchAreaId is null ? municipality! : areas[r.SearchAreaId].Name, r.MunicipalityId,
                    r.MunicipalityId is null ? null : Slug.From(municipality!), r.SearchAreaId,
                    gridOperator.Code, gridOperator.Name, r.Kind, r.Since, r.ExpectedEnd, r.Reinforcement, r.EndedOn, r.Source, r.SourceDate, r.IsExample);
            })
            .OrderBy(c => c.EndedOn is null ? 0 : 1)
            .ThenBy(c => c.AreaName, StringComparer.Ordinal)
            .ThenBy(c => c.Since)
            .ThenBy(c => c.Id)
            .ToList();
    }

    public Task<Congestion?> FindAsync(string regionId, long id, CancellationToken ct = default) =>
        db.Congestions.Include(c => c.GridOperator).FirstOrDefaultAsync(c => c.RegionId == regionId && c.Id == id, ct);

    /// <summary>The areas the form offers: every municipality, then the search areas that are not examples.</summary>
    public async Task<IReadOnlyList<CongestionArea>> AreasAsync(string regionId, CancellationToken ct = default)
    {
        var municipalities = await db.MunicipalitiesOf(regionId).OrderBy(m => m.Name).Select(m => new { m.Code, m.Name }).ToListAsync(ct);
        var areas = await db.SearchAreas.AsNoTracking().Where(a => a.RegionId == regionId && !a.IsExample)
            .OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        return [
            .. municipalities.Select(m => new CongestionArea(CongestionRules.MunicipalityPrefix + m.Code, m.Name, false)),
            .. areas.Select(a => new CongestionArea(CongestionRules.SearchAreaPrefix + a.Id, a.Name, true)),
        ];
    }

    public async Task<IReadOnlyList<Organisation>> GridOperatorsAsync(string regionId, CancellationToken ct = default) =>
        await db.Organisations.AsNoTracking()
            .Where(o => o.RegionId == regionId && o.Kind == OrganisationKind.GridOperator)
            .OrderBy(o => o.Name)
            .ToListAsync(ct);

    /// <summary>The form key of a record's area.</summary>
    public async Task<string?> AreaKeyAsync(Congestion record, CancellationToken ct = default)
    {
        if (record.SearchAreaId is not null)
        {
            return CongestionRules.SearchAreaPrefix + record.SearchAreaId;
        }

        var code = await db.Organisations.Where(o => o.Id == record.MunicipalityId).Select(o => o.Code).FirstOrDefaultAsync(ct);
        return code is null ? null : CongestionRules.MunicipalityPrefix + code;
    }

    /// <summary>
    /// Checks the input against the rules and the register and, when it holds, stores it in <paramref name="record"/>
    /// (a new record when null). Nothing is stored when there is any problem, or when <paramref name="checkOnly"/>
    /// (the form found a field it could not read and wants every other message too).
    /// </summary>
    public async Task<(Congestion? Saved, IReadOnlyList<CongestionProblem> Problems)> SaveAsync(
        string regionId, Congestion? record, CongestionInput input, DateOnly today, bool checkOnly = false, CancellationToken ct = default)
    {
        var problems = new List<CongestionProblem>(CongestionRules.Validate(input, today));

        int? municipalityId = null;
        string? searchAreaId = null;
        var area = input.Area?.Trim() ?? "";
        if (area.Length == 0)
        {
            problems.Add(new("gebied", "Kies het gebied: een gemeente of een zoekgebied."));
        }
        else if (area.StartsWith(CongestionRules.MunicipalityPrefix, StringComparison.Ordinal))
        {
            var code = area[CongestionRules.MunicipalityPrefix.Length..];
            municipalityId = await db.MunicipalitiesOf(regionId).Where(m => m.Code == code).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);
            if (municipalityId is null)
            {
                problems.Add(new("gebied", $"Het gebied '{area}' staat niet in het register."));
            }
        }
        else if (area.StartsWith(CongestionRules.SearchAreaPrefix, StringComparison.Ordinal))
        {
            var id = area[CongestionRules.SearchAreaPrefix.Length..];
            var found = await db.SearchAreas.AsNoTracking().Where(a => a.RegionId == regionId && a.Id == id).Select(a => new { a.Name, a.IsExample }).FirstOrDefaultAsync(ct);
            if (found is null)
            {
                problems.Add(new("gebied", $"Het gebied '{area}' staat niet in het register."));
            }
            else if (found.IsExample)
            {
                problems.Add(new("gebied", $"'{found.Name}' is een verzonnen voorbeeldgebied; leg netcongestie vast op een echte gemeente of een echt zoekgebied."));
            }
            else
            {
                searchAreaId = id;
            }
        }
        else
        {
            problems.Add(new("gebied", $"Het gebied '{area}' staat niet in het register."));
        }

        var operatorCode = input.GridOperator?.Trim() ?? "";
        var gridOperator = operatorCode.Length == 0 ? null : await db.Organisations.AsNoTracking()
            .FirstOrDefaultAsync(o => o.RegionId == regionId && o.Code == operatorCode && o.Kind == OrganisationKind.GridOperator, ct);
        if (gridOperator is null)
        {
            problems.Add(new("netbeheerder", operatorCode.Length == 0
                ? "Kies de netbeheerder."
                : $"De netbeheerder '{operatorCode}' staat niet in het register."));
        }

        if (problems.Count == 0 && input.EndedOn is null)
        {
            var selfId = record?.Id ?? 0;
            var duplicate = await db.Congestions.AsNoTracking()
                .Where(c => c.RegionId == regionId && c.Id != selfId && !c.IsExample && c.EndedOn == null && c.Kind == input.Kind
                    && c.GridOperatorId == gridOperator!.Id && c.MunicipalityId == municipalityId && c.SearchAreaId == searchAreaId)
                .Select(c => new { c.Id, c.Since })
                .FirstOrDefaultAsync(ct);
            if (duplicate is not null)
            {
                problems.Add(new("gebied", $"Voor dit gebied staat al lopende {CongestionRules.KindLabel(input.Kind)} van {gridOperator!.Name} in het register (nr. {duplicate.Id}, sinds {DutchFormat.Date(duplicate.Since)}). Wijzig of beëindig die."));
            }
        }

        if (problems.Count > 0 || checkOnly)
        {
            return (null, problems);
        }

        record ??= db.Congestions.Add(new Congestion { RegionId = regionId, Source = "" }).Entity;
        record.MunicipalityId = municipalityId;
        record.SearchAreaId = searchAreaId;
        record.GridOperatorId = gridOperator!.Id;
        record.Kind = input.Kind;
        record.Since = input.Since!.Value;
        record.ExpectedEnd = input.ExpectedEnd;
        record.Reinforcement = string.IsNullOrWhiteSpace(input.Reinforcement) ? null : input.Reinforcement.Trim();
        record.EndedOn = input.EndedOn;
        record.Source = input.Source!.Trim();
        record.SourceDate = input.SourceDate!.Value;
        await db.SaveChangesAsync(ct);
        return (record, []);
    }
}
