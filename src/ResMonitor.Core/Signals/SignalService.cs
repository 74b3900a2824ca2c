using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Data;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;

namespace ResMonitor.Core.Signals;

/// <summary>The signals of a region on a date, with the options they were evaluated with.</summary>
public sealed record RegionSignals(string Region, string Name, DateOnly ReferenceDate, SignalOptions Options, IReadOnlyList<Signal> Signals, string ShareBasis);

/// <summary>Loads what the rules need from the register and evaluates them.</summary>
public sealed class SignalService(ResMonitorDbContext db, TimeProvider clock)
{
    public async Task<RegionSignals?> GetAsync(string regionId, SignalOptions options, bool publicOnly, CancellationToken ct = default)
    {
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == regionId, ct);
        var target = await db.Targets.AsNoTracking().Where(t => t.RegionId == regionId && t.Technique == null).OrderBy(t => t.Year).FirstOrDefaultAsync(ct);
        if (region is null || target is null)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var hours = await db.FullLoadHours.AsNoTracking().Where(h => h.RegionId == regionId).ToListAsync(ct);
        var calculator = new YieldCalculator(hours, today);
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.RegionId == regionId)
            .Select(p => new
            {
                p.Id, p.Name, p.Technique, p.CapacityMw, p.MunicipalityId, p.SearchAreaId, p.Phase, p.MeasuredYieldMwh, p.LocalOwnershipPercent, p.IsExample,
                Dates = p.PhaseHistory.Select(h => new { h.Phase, h.Date }).ToList(),
                Granted = p.Permits.Min(x => x.GrantedOn),
            })
            .ToListAsync(ct);
        var facts = projects.Select(p => new SignalProject(
                p.Id, p.Name, p.MunicipalityId, p.Phase,
                p.Dates.Count == 0 ? null : p.Dates.Min(d => d.Date),
                p.Dates.Count == 0 ? null : p.Dates.Max(d => d.Date),
                p.Granted ?? p.Dates.Where(d => d.Phase is >= Phase.Permitted and <= Phase.Realised).Select(d => (DateOnly?)d.Date).Min(),
                p.LocalOwnershipPercent,
                calculator.Estimate(p.Technique, p.CapacityMw, p.MunicipalityId, p.MeasuredYieldMwh).Mwh,
                p.IsExample,
                p.SearchAreaId))
            .ToList();
        var municipalities = (await db.MunicipalitiesOf(regionId)
                .ToListAsync(ct))
            .Select(m => new SignalMunicipality(m.Id, m.Name, Core.Slug.From(m.Name), m.Population,
                facts.Where(f => f.MunicipalityId == m.Id && f.Phase is not Phase.Idea and not Phase.Withdrawn).Sum(f => f.YieldMwh)))
            .ToList();
        var congestion = await new Grid.CongestionService(db).ListAsync(regionId, ct);
        var signals = SignalRules.Evaluate(facts, municipalities, target.ValueMwh, today, options, congestion);
        if (publicOnly)
        {
            signals = signals.Where(s => options.IsPublic(s.Rule)).ToList();
        }

        var populationSource = await db.MunicipalitiesOf(regionId)
            .Where(o => o.PopulationSource != null)
            .Select(o => o.PopulationSource).FirstOrDefaultAsync(ct);
        return new RegionSignals(region.Id, region.Name, today, options, signals,
            $"Aandeel van een gemeente = het doel ({DutchFormat.Twh(target.ValueMwh)}, {target.Source}) × haar deel van de inwoners van de regio ({populationSource ?? "bron onbekend"}).");
    }
}
