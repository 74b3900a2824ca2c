using ResMonitor.Core.Grid;
using ResMonitor.Core.Projects;

namespace ResMonitor.Core.Signals;

/// <summary>The early-warning rules. Each signal names its rule, states the facts in Dutch and links to them.</summary>
public static class SignalRules
{
    public static IReadOnlyList<Signal> Evaluate(
        IReadOnlyCollection<SignalProject> projects,
        IReadOnlyCollection<SignalMunicipality> municipalities,
        decimal targetMwh,
        DateOnly today,
        SignalOptions options,
        IReadOnlyCollection<CongestionView>? congestion = null)
    {
        var signals = new List<Signal>();
        var open = projects.Where(p => p.Phase is not Phase.Realised and not Phase.Withdrawn).ToList();

        // "N months or more" without a new phase: a change exactly N months ago counts.
        var stalledSince = today.AddMonths(-options.StalledAfterMonths);
        foreach (var p in open.Where(p => p.LastPhaseChange is { } last && last <= stalledSince).OrderBy(p => p.LastPhaseChange))
        {
            var months = MonthsBetween(p.LastPhaseChange!.Value, today);
            signals.Add(new(SignalRule.Stalled, p.Id, p.Name,
                $"Sinds {DutchFormat.Date(p.LastPhaseChange.Value)} in de fase {Labels.Phase(p.Phase)}: {months} maanden zonder nieuwe fase (grens: {options.StalledAfterMonths} maanden).",
                $"/projecten/{p.Id}", p.LastPhaseChange, p.IsExample));
        }

        foreach (var p in open.Where(p => !(p.PermittedOn < options.PermitDeadline)).OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            var facts = p.PermittedOn is { } granted
                ? $"Vergunning verleend op {DutchFormat.Date(granted)}, na de uiterste datum {DutchFormat.Date(options.PermitDeadline)} voor het doel van 2030."
                : $"Geen vergunning vóór {DutchFormat.Date(options.PermitDeadline)}, de uiterste datum voor het doel van 2030; nu in de fase {Labels.Phase(p.Phase)}.";
            signals.Add(new(SignalRule.NoPermitByDeadline, p.Id, p.Name, facts, $"/projecten/{p.Id}", options.PermitDeadline, p.IsExample));
        }

        foreach (var p in projects
                     .Where(p => p.Phase != Phase.Withdrawn && p.FirstPhaseDate >= options.NewProjectsFrom && p.LocalOwnershipPercent < options.LocalOwnershipAimPercent)
                     .OrderBy(p => p.LocalOwnershipPercent).ThenBy(p => p.Id, StringComparer.Ordinal))
        {
            signals.Add(new(SignalRule.LowLocalOwnership, p.Id, p.Name,
                $"Lokaal eigendom {DutchFormat.Number(p.LocalOwnershipPercent!.Value, 0)}%, onder het streven van {DutchFormat.Number(options.LocalOwnershipAimPercent, 0)}% voor nieuwe projecten (gestart op of na {DutchFormat.Date(options.NewProjectsFrom)}).",
                $"/projecten/{p.Id}", p.FirstPhaseDate, p.IsExample));
        }

        signals.AddRange(GridCongestion(open, congestion ?? [], today, options));

        var population = municipalities.Sum(m => m.Population ?? 0);
        if (population > 0 && targetMwh > 0)
        {
            foreach (var m in municipalities.Where(m => m.Population is > 0).OrderBy(m => m.Name, StringComparer.Ordinal))
            {
                var share = targetMwh * m.Population!.Value / population;
                if (m.RealisedAndPipelineMwh < share * options.MunicipalityShareFraction)
                {
                    signals.Add(new(SignalRule.MunicipalityBehind, m.Slug, m.Name,
                        $"Gerealiseerd plus vergund of in procedure: {DutchFormat.Energy(m.RealisedAndPipelineMwh)} per jaar, {DutchFormat.Number(100m * m.RealisedAndPipelineMwh / share, 0)}% van het aandeel naar inwoners in het doel ({DutchFormat.Energy(share)}).",
                        $"/gemeenten/{m.Slug}", null, false));
                }
            }
        }

        return signals;
    }

    /// <summary>
    /// An open project in a municipality or search area where a grid operator reports feed-in congestion on the
    /// reference date (offtake too when configured). An example record never signals a real project.
    /// </summary>
    private static IEnumerable<Signal> GridCongestion(
        IEnumerable<SignalProject> open, IReadOnlyCollection<CongestionView> congestion, DateOnly today, SignalOptions options)
    {
        var inForce = congestion
            .Where(c => c.InForceOn(today) && (c.Kind == CongestionKind.FeedIn || options.GridCongestionIncludesOfftake))
            .OrderBy(c => c.Since).ThenBy(c => c.Id)
            .ToList();
        if (inForce.Count == 0)
        {
            return [];
        }

        var result = new List<(DateOnly Since, Signal Signal)>();
        foreach (var p in open)
        {
            var matches = inForce
                .Where(c => (c.SearchAreaId is null ? c.MunicipalityId == p.MunicipalityId : c.SearchAreaId == p.SearchAreaId) && (p.IsExample || !c.IsExample))
                .ToList();
            if (matches.Count == 0)
            {
                continue;
            }

            var facts = string.Join(" ", matches.Select(c =>
                $"Netcongestie nr. {c.Id}{(c.IsExample ? " (voorbeeld)" : "")}: {CongestionRules.KindLabel(c.Kind)} in {(c.SearchAreaId is null ? "de gemeente" : "het zoekgebied")} {c.AreaName} bij {c.GridOperatorName} sinds {DutchFormat.Date(c.Since)}; verwacht einde: {CongestionRules.ExpectedEndText(c.ExpectedEnd, c.Reinforcement)}. Bron: {c.Source}, peildatum {DutchFormat.Date(c.SourceDate)}."));
            var since = matches[0].Since;
            result.Add((since, new Signal(SignalRule.NoGridCapacity, p.Id, p.Name,
                $"Nu in de fase {Labels.Phase(p.Phase)}. {facts}", $"/projecten/{p.Id}", since, p.IsExample)));
        }

        return result.OrderBy(r => r.Since).ThenBy(r => r.Signal.Subject, StringComparer.Ordinal).Select(r => r.Signal);
    }

    private static int MonthsBetween(DateOnly from, DateOnly to) => ((to.Year - from.Year) * 12) + to.Month - from.Month - (to.Day < from.Day ? 1 : 0);
}
