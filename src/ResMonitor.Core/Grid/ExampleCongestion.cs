using System.Text.Json;
using ResMonitor.Core.Data;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;

namespace ResMonitor.Core.Grid;

/// <summary>The example congestion records a region folder may ship (<c>netcongestie-voorbeeld.json</c>), read at seed.</summary>
public static class ExampleCongestion
{
    public const string File = "netcongestie-voorbeeld.json";

    /// <summary>Fictitious congestion records (see the file's comment), marked as examples.</summary>
    public static List<Congestion> Read(
        string regionId, string json, Dictionary<string, Organisation> organisations, Dictionary<string, SearchArea> areas)
    {
        var file = JsonSerializer.Deserialize<CongestionFile>(json, ReferenceData.Json) ?? throw new InvalidDataException($"{File} is leeg.");
        return file.Records.Select(r => new Congestion
        {
            RegionId = regionId,
            Municipality = r.Municipality is null ? null
                : organisations.TryGetValue(r.Municipality, out var m) ? m : throw new InvalidDataException($"{File}: onbekende gemeente '{r.Municipality}'."),
            SearchArea = r.SearchArea is null ? null
                : areas.TryGetValue(r.SearchArea, out var a) ? a : throw new InvalidDataException($"{File}: onbekend zoekgebied '{r.SearchArea}'."),
            GridOperator = organisations.TryGetValue(r.GridOperator, out var g) && g.Kind == OrganisationKind.GridOperator
                ? g : throw new InvalidDataException($"{File}: onbekende netbeheerder '{r.GridOperator}'."),
            Kind = r.Kind,
            Since = r.Since,
            ExpectedEnd = r.ExpectedEnd,
            Reinforcement = r.Reinforcement,
            EndedOn = r.EndedOn,
            Source = file.Source,
            SourceDate = file.SourceDate,
            IsExample = true,
        }).ToList();
    }

    private sealed record CongestionFile(string Source, DateOnly SourceDate, List<CongestionItem> Records);

    private sealed record CongestionItem(
        string? Municipality, string? SearchArea, string GridOperator, CongestionKind Kind, DateOnly Since,
        DateOnly? ExpectedEnd, string? Reinforcement, DateOnly? EndedOn);
}
