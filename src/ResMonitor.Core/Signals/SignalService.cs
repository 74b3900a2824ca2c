namespace ResMonitor.Core.Signals;

/// <summary>The signals of a region on a date, with the options they were evaluated with.</summary>
public sealed record RegionSignals(string Region, string Name, DateOnly ReferenceDate, SignalOptions Options, IReadOnlyList<Signal> Signals, string ShareBasis);
