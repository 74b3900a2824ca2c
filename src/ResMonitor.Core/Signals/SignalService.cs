namespace ResMonitor.Core.Signals;

/// <summary>The signals of a region on a date, with the options they were evaluated with.</summary>
public sealed record RegionSignals(string Region, string Name, DateOnly ReferenceDate, SignalOptions Options, IReadOnlyList<Signal> Signals, string ShareBasis)
{
    /// <summary>Per rule and kind how many values are missing (the public count); see <see cref="Gaps"/>.</summary>
    public IReadOnlyList<GapCount> GapCounts { get; init; } = [];

    public int GapsOf(SignalRule rule, GapKind? kind = null) => GapCounts.Where(g => g.Rule == rule && (kind is null || g.Kind == kind)).Sum(g => g.Count);

    /// <summary>Each missing value with its link: the werkbureau's to-do list (empty in the public answer).</summary>
    public IReadOnlyList<DataGap> Gaps { get; init; } = [];

    /// <summary>How a project counts as new, in words (one definition for every signal and indicator).</summary>
    public string NewProjects { get; init; } = "";

    /// <summary>What "new project" means, in English.</summary>
    public string NewProjectsEnglish { get; init; } = "";

    /// <summary>True when the signals come from example projects only, because the register holds nothing else.</summary>
    public bool ExamplesOnly { get; init; }
}
