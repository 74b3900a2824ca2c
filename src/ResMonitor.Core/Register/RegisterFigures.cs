using ResMonitor.Core.Energy;
using ResMonitor.Core.Forecast;
using ResMonitor.Core.History;
using ResMonitor.Core.PlanFailures;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;
using ResMonitor.Core.Signals;

namespace ResMonitor.Core.Register;

/// <summary>
/// Every public figure as a pure function of the register of one day (<see cref="RegisterState"/>): today and a past
/// day go through the same code, so they cannot disagree. The state is built once (see RegisterAsOf) and shared.
/// </summary>
public static class RegisterFigures
{
    /// <summary>The overview of the region (or of one municipality) on the state's day: phases then, plan failures dated by then.</summary>
    public static Overview? Overview(RegisterState state, string regionId, int? municipalityId = null)
    {
        if (state.Region(regionId) is null)
        {
            return null;
        }

        return OverviewCalculator.Calculate(
            regionId,
            state.FactsOf(regionId, municipalityId),
            state.MunicipalitiesOf(regionId).Where(m => municipalityId == null || m.Id == municipalityId).ToList(),
            state.RegionTargetsOf(regionId),
            state.FullLoadHours.Where(h => h.RegionId == regionId).ToList(),
            state.Date);
    }

    /// <summary>The overview as published (API, home page, `resmonitor status --json`).</summary>
    public static RegionSummary? Summary(RegisterState state, string regionId) =>
        state.Region(regionId) is { } region && Overview(state, regionId) is { } overview ? RegionSummary.From(region, overview) : null;

    /// <summary>The trend up to the state's day, from each project's dated phase history.</summary>
    public static Trend Trend(RegisterState state, string regionId)
    {
        // A project without a history but with a dated current phase still has one known step.
        var histories = state.ProjectsOf(regionId)
            .Select(p => new ProjectHistory(
                new ProjectFacts(p.Id, p.Technique, p.CapacityMw, p.MunicipalityId, p.Phase, p.MeasuredYieldMwh, p.IsExample),
                p.PhaseHistory.Count > 0 ? p.PhaseHistory
                : p.PhaseDate is { } date ? [new PhaseChange { ProjectId = p.Id, Phase = p.Phase, Date = date }]
                : []))
            .ToList();
        return TrendCalculator.Calculate(histories, state.FullLoadHours.Where(h => h.RegionId == regionId).ToList(), state.Date);
    }

    /// <summary>The congestion records of a region, in force first, then by area and start.</summary>
    public static IReadOnlyList<Grid.CongestionView> Congestion(RegisterState state, string regionId) =>
        Grid.CongestionService.Views(state.Congestions.Where(c => c.RegionId == regionId), state.Organisations, state.SearchAreas);

    /// <summary>
    /// The projects signals and indicators count: the real ones; the examples only when the register holds nothing
    /// else (then every figure says so). Example and real records are never mixed (docs/decisions/0016).
    /// </summary>
    public static IReadOnlyList<Projects.Project> CountedProjects(IReadOnlyList<Projects.Project> projects) =>
        projects.Any(p => !p.IsExample) ? projects.Where(p => !p.IsExample).ToList() : projects;

    /// <summary>
    /// A municipality's share of the regional target on the state's day, as the signal "gemeenten die achterblijven"
    /// weighs it: its agreed contribution (municipal targets, with the rule for the technology-neutral part) where it
    /// has one, otherwise, labelled as a fallback, its share of the regional target by inhabitants. Null for an
    /// unknown region or municipality.
    /// </summary>
    public static MunicipalShare? MunicipalShareOf(RegisterState state, string regionId, int municipalityId)
    {
        var municipality = state.MunicipalitiesOf(regionId).FirstOrDefault(m => m.Id == municipalityId);
        if (state.Region(regionId) is null || municipality is null)
        {
            return null;
        }

        var calculator = new YieldCalculator(state.FullLoadHours.Where(h => h.RegionId == regionId), state.Date);
        var yields = CountedProjects(state.ProjectsOf(regionId))
            .Where(p => p.MunicipalityId == municipalityId && p.Phase is not Phase.Idea and not Phase.Withdrawn)
            .GroupBy(p => p.Technique)
            .ToDictionary(g => g.Key, g => g.Sum(p => calculator.Estimate(p).Mwh));
        var target = state.RegionTargetsOf(regionId).Where(t => t.Technique == null).OrderBy(t => t.Year).FirstOrDefault();
        var population = state.MunicipalitiesOf(regionId).Sum(m => m.Population ?? 0);
        decimal? byPopulation = target is not null && population > 0 && municipality.Population is > 0
            ? target.ValueMwh * municipality.Population.Value / population
            : null;
        return new MunicipalShare(
            MunicipalContribution.Calculate(state.MunicipalTargetsOf(regionId, municipalityId), yields),
            yields.Values.Sum(), byPopulation, target);
    }

    /// <summary>The signals of a region on the state's day; null for a region that is not there or has no target.</summary>
    public static RegionSignals? Signals(RegisterState state, string regionId, SignalOptions options, bool publicOnly)
    {
        var region = state.Region(regionId);
        var target = state.RegionTargetsOf(regionId).Where(t => t.Technique == null).OrderBy(t => t.Year).FirstOrDefault();
        if (region is null || target is null)
        {
            return null;
        }

        var today = state.Date;
        var newProjects = NewProjectRule.Of(region);
        var all = state.ProjectsOf(regionId);
        var counted = CountedProjects(all);
        var examplesOnly = counted.Count > 0 && counted.All(p => p.IsExample);
        var calculator = new YieldCalculator(state.FullLoadHours.Where(h => h.RegionId == regionId), today);
        var facts = counted.Select(p => new SignalProject(
                p.Id, p.Name, p.MunicipalityId, p.Phase,
                newProjects.Classify(p.Phase, p.PhaseHistory, p.PhaseDate),
                p.PhaseHistory.Count == 0 ? null : p.PhaseHistory.Max(d => d.Date),
                p.Permits.Min(x => x.GrantedOn) ?? p.PhaseHistory.Where(d => d.Phase is >= Phase.Permitted and <= Phase.Realised).Select(d => (DateOnly?)d.Date).Min(),
                p.LocalOwnershipPercent,
                calculator.Estimate(p).Mwh,
                p.IsExample,
                p.SearchAreaId,
                newProjects.DecisiveDate(p.PhaseHistory),
                p.SourceDate))
            .ToList();
        var techniques = counted.ToDictionary(p => p.Id, p => p.Technique, StringComparer.Ordinal);
        var municipalTargets = state.MunicipalTargetsOf(regionId).ToLookup(t => t.MunicipalityId!.Value);
        var municipalities = state.MunicipalitiesOf(regionId)
            .Select(m =>
            {
                var pipeline = facts.Where(f => f.MunicipalityId == m.Id && f.Phase is not Phase.Idea and not Phase.Withdrawn).ToList();
                return new SignalMunicipality(m.Id, m.Name, Slug.From(m.Name), m.Population, pipeline.Sum(f => f.YieldMwh),
                    municipalTargets[m.Id].ToList(),
                    pipeline.GroupBy(f => techniques[f.Id]).ToDictionary(g => g.Key, g => g.Sum(f => f.YieldMwh)));
            })
            .ToList();
        var signals = SignalRules.Evaluate(facts, municipalities, target.ValueMwh, today, options, Congestion(state, regionId), newProjects);
        var gaps = SignalRules.Gaps(facts, municipalities, options, newProjects, state.Date);
        if (publicOnly)
        {
            signals = signals.Where(s => options.IsPublic(s.Rule)).ToList();
            gaps = gaps.Where(g => options.IsPublic(g.Rule)).ToList();
        }

        var populationSource = state.MunicipalitiesOf(regionId).Select(o => o.PopulationSource).FirstOrDefault(s => s != null);
        var withTargets = municipalities.Count(m => m.Targets is { Count: > 0 });
        return new RegionSignals(region.Id, region.Name, today, options, signals,
            $"Het aandeel van een gemeente is haar afgesproken bijdrage (gemeentelijke doelen met bron; {withTargets} van de {municipalities.Count} gemeenten). " +
            $"{MunicipalContribution.RuleText} {SignalRules.FallbackLabel}: het doel ({DutchFormat.Twh(target.ValueMwh)}, {target.Source}) × haar deel van de inwoners van de regio ({populationSource ?? "bron onbekend"}).")
        {
            GapCounts = gaps.GroupBy(g => (g.Rule, g.Kind)).Select(g => new GapCount(g.Key.Rule, g.Key.Kind, g.Count())).ToList(),
            Gaps = publicOnly ? [] : gaps,
            NewProjects = newProjects.Describe(),
            NewProjectsEnglish = newProjects.DescribeEnglish(),
            ExamplesOnly = examplesOnly,
        };
    }

    public const int DefaultForecastRuns = 10_000;
    public const ulong DefaultForecastSeed = 2030;

    /// <summary>The forecast from the state's day on: the same yields and plan failures as the overview.</summary>
    public static RegionForecast? Forecast(RegisterState state, string regionId, ForecastSettings? settings = null)
    {
        var region = state.Region(regionId);
        var targets = state.RegionTargetsOf(regionId);
        var total = targets.Where(t => t.Technique is null).OrderBy(t => t.Year).FirstOrDefault();
        if (region is null || total is null)
        {
            return null;
        }

        var today = state.Date;
        var municipalities = state.MunicipalitiesOf(regionId).ToDictionary(o => o.Id);
        var assumptions = ForecastAssumptionRow.InForce(state.ForecastAssumptions.Where(a => a.RegionId == regionId).ToList(), today);
        var calculator = new YieldCalculator(state.FullLoadHours.Where(h => h.RegionId == regionId), today);
        var projects = state.ProjectsOf(regionId).Where(p => p.Phase != Phase.Withdrawn).ToList();
        var failures = PlanFailureRules.LatestPerProject(state.PlanFailuresOn(regionId));

        // The same share as in the overview; a realised project cannot be delayed any more.
        PlanFailureEffect Effect(string id, Phase phase) =>
            !failures.TryGetValue(id, out var f) ? PlanFailureEffect.Unaffected
            : phase == Phase.Realised ? PlanFailureEffect.Of(f) with { NotBefore = null }
            : PlanFailureEffect.Of(f);
        var input = new ForecastInput(
            today,
            total.Year,
            (double)total.ValueMwh,
            projects.Select(p => new ForecastProject(
                p.Id, p.Name, p.Technique, municipalities.TryGetValue(p.MunicipalityId, out var m) ? m.Code : "?", p.Phase, p.PhaseDate ?? today,
                (double)(calculator.Estimate(p).Mwh * Effect(p.Id, p.Phase).RemainingShare),
                Effect(p.Id, p.Phase).NotBefore)).ToList(),
            targets.Where(t => t.Technique is not null && t.Year == total.Year).ToDictionary(t => t.Technique!.Value, t => (double)t.ValueMwh));
        var result = ForecastModel.Run(input, assumptions, settings ?? new ForecastSettings(DefaultForecastRuns, DefaultForecastSeed));
        return new RegionForecast(
            region.Id, region.Name, result, assumptions, total.Source,
            municipalities.Values.ToDictionary(o => o.Code, o => o.Name, StringComparer.Ordinal),
            projects.Count(p => p.IsExample));
    }
}

/// <summary>A municipality's share: the agreed contribution if any, else the fallback by inhabitants (see <see cref="RegisterFigures.MunicipalShareOf"/>).</summary>
public sealed record MunicipalShare(MunicipalContribution? Agreed, decimal RealisedAndPipelineMwh, decimal? ByPopulationMwh, Target? RegionTarget);
