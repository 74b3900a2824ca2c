namespace ResMonitor.Core.Forecast;

/// <summary>The forecast as published: the result, the assumptions it used and the names behind its keys.</summary>
public sealed record RegionForecast(
    string Region,
    string Name,
    ForecastResult Result,
    ForecastAssumptions Assumptions,
    string TargetSource,
    IReadOnlyDictionary<string, string> MunicipalityNames,
    int ExampleProjects);
