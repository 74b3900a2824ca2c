using ResMonitor.Core.Energy;
using ResMonitor.Core.Grid;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;

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
        IReadOnlyCollection<CongestionView>? congestion = null,
        NewProjectRule? newProjects = null)
    {
        var isNew = newProjects ?? NewProjectRule.Default;
        var signals = new List<Signal>();
        var open = projects.Where(p => p.Phase is not Phase.Realised and not Phase.Withdrawn).ToList();

        // "N months or more" without a new phase: a change exactly N months ago counts. Only where a source from within
        // those months confirms the phase; with only older sources it is a data gap (see Gaps), not a stall.
        var stalledSince = today.AddMonths(-options.StalledAfterMonths);
        foreach (var p in open.Where(p => p.LastPhaseChange is { } last && last <= stalledSince && !Outdated(p, stalledSince)).OrderBy(p => p.LastPhaseChange))
        {
            var months = MonthsBetween(p.LastPhaseChange!.Value, today);
            signals.Add(new(SignalRule.Stalled, p.Id, p.Name,
                $"Sinds {DutchFormat.Date(p.LastPhaseChange.Value)} in de fase {Labels.Phase(p.Phase)}: {months} maanden zonder nieuwe fase (grens: {options.StalledAfterMonths} maanden).",
                $"/projecten/{p.Id}", p.LastPhaseChange, p.IsExample,
                $"In the phase {Labels.PhaseEnglish(p.Phase)} since {EnglishFormat.Date(p.LastPhaseChange.Value)}: {months} months without a new phase (limit: {options.StalledAfterMonths} months)."));
        }

        // Permitted or further without a known permit date is a data gap (see Gaps), not a late permit.
        foreach (var p in open.Where(p => !(p.PermittedOn < options.PermitDeadline) && !PermitDateMissing(p)).OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            var facts = p.PermittedOn is { } granted
                ? $"Vergunning verleend op {DutchFormat.Date(granted)}, na de uiterste datum {DutchFormat.Date(options.PermitDeadline)} voor het doel van 2030."
                : $"Geen vergunning vóór {DutchFormat.Date(options.PermitDeadline)}, de uiterste datum voor het doel van 2030; nu in de fase {Labels.Phase(p.Phase)}.";
            var english = p.PermittedOn is { } grantedOn
                ? $"Permit granted on {EnglishFormat.Date(grantedOn)}, after the deadline of {EnglishFormat.Date(options.PermitDeadline)} for the 2030 target."
                : $"No permit before {EnglishFormat.Date(options.PermitDeadline)}, the deadline for the 2030 target; now in the phase {Labels.PhaseEnglish(p.Phase)}.";
            signals.Add(new(SignalRule.NoPermitByDeadline, p.Id, p.Name, facts, $"/projecten/{p.Id}", options.PermitDeadline, p.IsExample, english));
        }

        // Only a known percentage below the aim signals; an unknown one is a data gap (see Gaps), never a low value.
        foreach (var p in projects
                     .Where(p => p.Phase != Phase.Withdrawn && p.Novelty == Novelty.New && p.LocalOwnershipPercent < options.LocalOwnershipAimPercent)
                     .OrderBy(p => p.LocalOwnershipPercent).ThenBy(p => p.Id, StringComparer.Ordinal))
        {
            signals.Add(new(SignalRule.LowLocalOwnership, p.Id, p.Name,
                $"Lokaal eigendom {DutchFormat.Number(p.LocalOwnershipPercent!.Value, 0)}%, onder het streven van {DutchFormat.Number(options.LocalOwnershipAimPercent, 0)}% voor nieuwe projecten ({isNew.Describe()}).",
                $"/projecten/{p.Id}", p.NewSince, p.IsExample,
                $"Local ownership {EnglishFormat.Number(p.LocalOwnershipPercent!.Value, 0)}%, below the aim of {EnglishFormat.Number(options.LocalOwnershipAimPercent, 0)}% for new projects ({isNew.DescribeEnglish()})."));
        }

        signals.AddRange(GridCongestion(open, congestion ?? [], today, options));

        signals.AddRange(MunicipalitiesBehind(municipalities, targetMwh, options));
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
            var english = string.Join(" ", matches.Select(c =>
                $"Grid congestion no. {c.Id}{(c.IsExample ? " (example)" : "")}: {CongestionRules.KindLabelEnglish(c.Kind)} in {(c.SearchAreaId is null ? "the municipality" : "the search area")} {c.AreaName} at {c.GridOperatorName} since {EnglishFormat.Date(c.Since)}; expected end: {CongestionRules.ExpectedEndTextEnglish(c.ExpectedEnd, c.Reinforcement)}. Source: {c.Source}, reference date {EnglishFormat.Date(c.SourceDate)}."));
            var since = matches[0].Since;
            result.Add((since, new Signal(SignalRule.NoGridCapacity, p.Id, p.Name,
                $"Nu in de fase {Labels.Phase(p.Phase)}. {facts}", $"/projecten/{p.Id}", since, p.IsExample,
                $"Now in the phase {Labels.PhaseEnglish(p.Phase)}. {english}")));
        }

        return result.OrderBy(r => r.Since).ThenBy(r => r.Signal.Subject, StringComparer.Ordinal).Select(r => r.Signal);
    }

    /// <summary>
    /// A municipality whose realised plus pipeline falls behind its share: its agreed contribution (municipal targets,
    /// with the rule for the technology-neutral part) where it has one; otherwise, labelled as such, its share of the
    /// regional target by inhabitants.
    /// </summary>
    private static IEnumerable<Signal> MunicipalitiesBehind(IReadOnlyCollection<SignalMunicipality> municipalities, decimal targetMwh, SignalOptions options)
    {
        var population = municipalities.Sum(m => m.Population ?? 0);

        // One unit for the whole list (the largest target or share decides), so that the page does not mix MWh and GWh.
        var largest = municipalities.Select(m => Math.Max(
                MunicipalContribution.Calculate(m.Targets ?? [], m.YieldByTechnique ?? new Dictionary<Technique, decimal>())?.TargetMwh ?? 0m,
                Math.Max(m.RealisedAndPipelineMwh, population > 0 && m.Population is > 0 ? targetMwh * m.Population.Value / population : 0m)))
            .DefaultIfEmpty(0m).Max();
        string Nl(decimal mwh) => DutchFormat.Energy(mwh, largest);
        string En(decimal mwh) => EnglishFormat.Energy(mwh, largest);
        foreach (var m in municipalities.OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            if (MunicipalContribution.Calculate(m.Targets ?? [], m.YieldByTechnique ?? new Dictionary<Technique, decimal>()) is { } agreed)
            {
                if (agreed.CountedMwh < agreed.TargetMwh * options.MunicipalityShareFraction)
                {
                    yield return new(SignalRule.MunicipalityBehind, m.Slug, m.Name,
                        $"Afgesproken bijdrage {Nl(agreed.TargetMwh)} per jaar in {agreed.Year} ({string.Join("; ", agreed.Sources)}). " +
                        $"Gerealiseerd plus vergund of in procedure vult daarvan {Nl(agreed.CountedMwh)}, {DutchFormat.Number(agreed.Percent, 0)}%" +
                        (agreed.TechnologyNeutral is null ? "." : $"; boven de doelen per techniek telt {Nl(agreed.TechnologyNeutral.CountedMwh)} voor het techniekneutrale deel."),
                        $"/gemeenten/{m.Slug}", null, false,
                        $"Agreed contribution {En(agreed.TargetMwh)} a year in {agreed.Year} ({string.Join("; ", agreed.Sources)}). " +
                        $"Realised plus permitted or in procedure fills {En(agreed.CountedMwh)} of it, {EnglishFormat.Number(agreed.Percent, 0)}%" +
                        (agreed.TechnologyNeutral is null ? "." : $"; above the targets per technique {En(agreed.TechnologyNeutral.CountedMwh)} counts for the technology-neutral part."));
                }
            }
            else if (population > 0 && targetMwh > 0 && m.Population is > 0)
            {
                var share = targetMwh * m.Population.Value / population;
                if (m.RealisedAndPipelineMwh < share * options.MunicipalityShareFraction)
                {
                    yield return new(SignalRule.MunicipalityBehind, m.Slug, m.Name,
                        $"{FallbackLabel}: gerealiseerd plus vergund of in procedure {Nl(m.RealisedAndPipelineMwh)} per jaar, {DutchFormat.Number(100m * m.RealisedAndPipelineMwh / share, 0)}% van het aandeel naar inwoners in het doel ({Nl(share)}).",
                        $"/gemeenten/{m.Slug}", null, false,
                        $"{FallbackLabelEnglish}: realised plus permitted or in procedure {En(m.RealisedAndPipelineMwh)} a year, {EnglishFormat.Number(100m * m.RealisedAndPipelineMwh / share, 0)}% of the share by inhabitants in the target ({En(share)}).");
                }
            }
        }
    }

    /// <summary>The label of the fallback share, wherever it is shown.</summary>
    public const string FallbackLabel = "Geen afgesproken bijdrage bekend; verdeling naar inwonertal";

    /// <summary>The label of the fallback share on the English pages.</summary>
    public const string FallbackLabelEnglish = "No agreed contribution known; split by number of inhabitants";

    /// <summary>
    /// The values the rules need but the register lacks, per rule: they are neither signalled nor left out silently.
    /// </summary>
    public static IReadOnlyList<DataGap> Gaps(
        IReadOnlyCollection<SignalProject> projects, IReadOnlyCollection<SignalMunicipality> municipalities, SignalOptions options, NewProjectRule? newProjects = null,
        DateOnly? today = null)
    {
        var rule = newProjects ?? NewProjectRule.Default;
        var gaps = new List<DataGap>();
        var open = projects.Where(p => p.Phase is not Phase.Realised and not Phase.Withdrawn).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        gaps.AddRange(open.Where(p => p.LastPhaseChange is null).Select(p =>
            new DataGap(SignalRule.Stalled, GapKind.PhaseDate, p.Id, p.Name, "geen datum van de huidige fase bekend", $"/projecten/{p.Id}", p.IsExample)));
        if (today is { } day)
        {
            var stalledSince = day.AddMonths(-options.StalledAfterMonths);
            gaps.AddRange(open.Where(p => p.LastPhaseChange is { } last && last <= stalledSince && Outdated(p, stalledSince)).Select(p =>
                new DataGap(SignalRule.Stalled, GapKind.Outdated, p.Id, p.Name,
                    $"sinds {DutchFormat.Date(p.LastPhaseChange!.Value)} in de fase {Labels.Phase(p.Phase)}, maar de nieuwste bron is van {DutchFormat.Date(p.ConfirmedOn!.Value)}: niet bekend of het project sindsdien verder is",
                    $"/projecten/{p.Id}", p.IsExample)));
        }

        gaps.AddRange(open.Where(PermitDateMissing).Select(p =>
            new DataGap(SignalRule.NoPermitByDeadline, GapKind.PermitDate, p.Id, p.Name, $"in de fase {Labels.Phase(p.Phase)}, maar de datum van de vergunning is niet bekend", $"/projecten/{p.Id}", p.IsExample)));
        foreach (var p in projects.Where(p => p.Phase != Phase.Withdrawn).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (p.Novelty == Novelty.New && p.LocalOwnershipPercent is null)
            {
                gaps.Add(new(SignalRule.LowLocalOwnership, GapKind.LocalOwnership, p.Id, p.Name, "nieuw project; het aandeel lokaal eigendom is niet bekend", $"/projecten/{p.Id}", p.IsExample));
            }
            else if (p.Novelty == Novelty.Unknown && !(p.LocalOwnershipPercent >= options.LocalOwnershipAimPercent))
            {
                gaps.Add(new(SignalRule.LowLocalOwnership, GapKind.NewSince, p.Id, p.Name,
                    $"niet bekend of het project nieuw is: geen datum waarop het in de fase {Labels.Phase(rule.Phase)} kwam", $"/projecten/{p.Id}", p.IsExample));
            }
        }

        gaps.AddRange(municipalities
            .Where(m => m.Targets is not { Count: > 0 } && m.Population is not > 0)
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => new DataGap(SignalRule.MunicipalityBehind, GapKind.ShareBasis, m.Slug, m.Name, "geen afgesproken bijdrage en geen inwonertal bekend", $"/gemeenten/{m.Slug}", false)));
        return gaps;
    }

    /// <summary>Its newest source is from before the stall limit: the register cannot tell a stall from an unrecorded step.</summary>
    private static bool Outdated(SignalProject p, DateOnly stalledSince) => p.ConfirmedOn is { } confirmed && confirmed < stalledSince;

    /// <summary>A project permitted or further (not yet realised) without the date of its permit.</summary>
    private static bool PermitDateMissing(SignalProject p) => p.PermittedOn is null && p.Phase is >= Phase.Permitted and < Phase.Realised;

    private static int MonthsBetween(DateOnly from, DateOnly to) => ((to.Year - from.Year) * 12) + to.Month - from.Month - (to.Day < from.Day ? 1 : 0);
}
