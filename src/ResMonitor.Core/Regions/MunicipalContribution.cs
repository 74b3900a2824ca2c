using ResMonitor.Core.Energy;

namespace ResMonitor.Core.Regions;

/// <summary>One technique of a municipality's agreed contribution: the target, what is there, and what of it counts.</summary>
public sealed record ContributionLine(Technique Technique, decimal? TargetMwh, decimal YieldMwh, decimal CountedMwh, decimal AboveTargetMwh);

/// <summary>
/// A municipality's agreed contribution (its municipal targets for one year) against its realised plus pipeline
/// yield per technique. The rule for the technology-neutral part (docs/decisions/0016): what a municipality has of
/// wind, solar on land and solar on roof counts for that technique up to its target (a technique without a target
/// has a target of 0), and what lies above those targets fills the technology-neutral part, up to that target. So a
/// project is always one technique, and the technology-neutral part can still be filled.
/// </summary>
public sealed record MunicipalContribution(
    int Year,
    IReadOnlyList<ContributionLine> Techniques,
    ContributionLine? TechnologyNeutral,
    IReadOnlyList<Target> Targets)
{
    public static readonly Technique[] ProjectTechniques = [Technique.Wind, Technique.SolarOnLand, Technique.SolarOnRoof];

    public const string RuleText =
        "Wat een gemeente per techniek (wind, zon op land, zon op dak) boven haar afgesproken bijdrage voor die techniek heeft, " +
        "vult haar techniekneutrale deel; een techniek zonder afgesproken bijdrage telt daar helemaal voor mee.";

    public const string RuleTextEnglish =
        "What a municipality has per technique (wind, solar on land, solar on roof) above its agreed contribution for that technique " +
        "fills its technology-neutral part; a technique without an agreed contribution counts for it entirely.";

    public decimal TargetMwh => Targets.Sum(t => t.ValueMwh);

    public decimal CountedMwh => Techniques.Sum(l => l.CountedMwh) + (TechnologyNeutral?.CountedMwh ?? 0m);

    /// <summary>The share of the agreed contribution that is filled, 0 to 100.</summary>
    public decimal Percent => TargetMwh > 0 ? 100m * CountedMwh / TargetMwh : 0m;

    /// <summary>The sources of the targets, each once, in order.</summary>
    public IReadOnlyList<string> Sources => Targets.Select(t => t.Source).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The contribution of one municipality from its targets (any year; the earliest year with targets is taken) and
    /// its yield per technique; null when it has no municipal target.
    /// </summary>
    public static MunicipalContribution? Calculate(IEnumerable<Target> municipalTargets, IReadOnlyDictionary<Technique, decimal> yieldByTechnique)
    {
        var all = municipalTargets.Where(t => t.MunicipalityId is not null && t.Technique is not null).ToList();
        if (all.Count == 0)
        {
            return null;
        }

        var year = all.Min(t => t.Year);
        var targets = all.Where(t => t.Year == year).OrderBy(t => t.Technique).ToList();
        decimal? TargetOf(Technique t) => targets.Where(x => x.Technique == t).Select(x => (decimal?)x.ValueMwh).Aggregate((decimal?)null, (a, b) => (a ?? 0m) + b);
        var lines = ProjectTechniques.Select(t =>
        {
            var target = TargetOf(t);
            var yield = Math.Max(0m, yieldByTechnique.GetValueOrDefault(t));
            var counted = Math.Min(yield, target ?? 0m);
            return new ContributionLine(t, target, yield, counted, yield - counted);
        }).ToList();
        ContributionLine? neutral = null;
        if (TargetOf(Technique.TechnologyNeutral) is { } neutralTarget)
        {
            var above = lines.Sum(l => l.AboveTargetMwh);
            var counted = Math.Min(above, neutralTarget);
            neutral = new ContributionLine(Technique.TechnologyNeutral, neutralTarget, above, counted, above - counted);
        }

        return new MunicipalContribution(year, lines, neutral, targets);
    }
}
