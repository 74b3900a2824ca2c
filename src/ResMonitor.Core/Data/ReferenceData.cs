using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Grid;
using ResMonitor.Core.Import;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;

namespace ResMonitor.Core.Data;

public sealed record SeedResult(string RegionId, int Organisations, int Targets, int FullLoadHours, int ExamplesAdded, int ExamplesRemoved);

/// <summary>
/// Loads a region's reference data (partners, boundaries, targets, full-load hours) from a region.json, by default
/// the embedded Drenthe set, so that a second region is a file, not code. Seeding is idempotent: partners are
/// matched on code and updated; targets and full-load hours are added only where the region has none.
/// </summary>
public sealed class ReferenceData(ResMonitorDbContext db, TimeProvider clock)
{
    public const string DefaultRegion = "drenthe";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Reads region.json; a value of the wrong kind is refused naming the file, the field and the line, before anything is stored.</summary>
    private static RegionFile? ReadRegionFile(string json, string? folder)
    {
        var file = folder is null ? "region.json" : Path.Combine(folder, "region.json");
        try
        {
            var definition = JsonSerializer.Deserialize<RegionFile>(json, Json);
            CheckTexts(json, file);
            return definition;
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) ? "(het bestand als geheel)" : e.Path.TrimStart('$', '.');
            var line = e.LineNumber is { } n ? $" (regel {n + 1})" : "";
            throw new InvalidDataException(
                $"{file}: het veld '{field}'{line} heeft geen geldige waarde: verwacht is het soort waarde van het voorbeeld (een getal, een datum als JJJJ-MM-DD of een tekst); er is niets opgeslagen.", e);
        }
    }

    /// <summary>
    /// Every text in region.json (names, sources, notes; escaped characters included) follows the text rule of every
    /// other channel; the first that breaks it is refused naming the file, the line and the field.
    /// </summary>
    private static void CheckTexts(string json, string file)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        string? field = null;
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.PropertyName or JsonTokenType.String))
            {
                continue;
            }

            var text = reader.GetString();
            var what = reader.TokenType == JsonTokenType.PropertyName ? "De veldnaam" : $"Het veld '{field}'";
            if (TextRule.Check(text, what) is { } message)
            {
                var line = bytes.AsSpan(0, (int)reader.TokenStartIndex).Count((byte)'\n') + 1;
                throw new InvalidDataException($"{file}, regel {line}: {message} Er is niets opgeslagen.");
            }

            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                field = text;
            }
        }
    }

    /// <summary>Seeds from a folder holding region.json (and the files it names), or the embedded Drenthe set.</summary>
    public async Task<SeedResult> SeedAsync(string? regionFolder, bool withExamples, CancellationToken ct = default)
    {
        IFiles files = regionFolder is null ? EmbeddedFiles(DefaultRegion) : FolderFiles(regionFolder);
        var definition = ReadRegionFile(files.Read("region.json") ?? throw Missing("region.json"), regionFolder)
            ?? throw new InvalidDataException("region.json is leeg.");
        if (RegionId.Problem(definition.Id) is { } problem)
        {
            throw new InvalidDataException($"{(regionFolder is null ? "region.json" : Path.Combine(regionFolder, "region.json"))}: {problem} Er is niets opgeslagen.");
        }

        MunicipalTargetProblems(definition, regionFolder);
        var boundaries = definition.Boundaries is { } b
            ? ReadBoundaries(files.Read(b.File) ?? throw Missing(b.File))
            : [];

        var region = await db.Regions.FirstOrDefaultAsync(r => r.Id == definition.Id, ct);
        if (region is null)
        {
            region = new Region { Id = definition.Id, Name = definition.Name };
            db.Regions.Add(region);
        }

        region.Name = definition.Name;
        region.Description = definition.Description;
        region.NewProjectsFrom = definition.NewProjects?.From;
        region.NewProjectsPhase = definition.NewProjects?.Phase;

        var existing = await db.Organisations.Where(o => o.RegionId == definition.Id).ToDictionaryAsync(o => o.Code, ct);
        foreach (var item in definition.Organisations)
        {
            if (!existing.TryGetValue(item.Code, out var organisation))
            {
                organisation = new Organisation { RegionId = definition.Id, Code = item.Code, Name = item.Name };
                db.Organisations.Add(organisation);
                existing[item.Code] = organisation;
            }

            organisation.Kind = item.Kind;
            organisation.Name = item.Name;
            organisation.Description = item.Description;
            organisation.Website = item.Website;
            organisation.Population = item.Population;
            organisation.PopulationReferenceDate = item.PopulationReferenceDate;
            organisation.PopulationSource = item.PopulationSource;
            if (boundaries.TryGetValue(item.Code, out var geometry))
            {
                organisation.BoundaryGeoJson = geometry;
                organisation.BoundarySource = definition.Boundaries!.Source;
            }
        }

        if (!await db.Targets.AnyAsync(t => t.RegionId == definition.Id && t.MunicipalityId == null, ct))
        {
            db.Targets.AddRange(definition.Targets.Where(t => t.Municipality is null).Select(t => new Target
            {
                RegionId = definition.Id, Technique = t.Technique, Year = t.Year, ValueMwh = t.ValueMwh,
                Source = t.Source, ReferenceDate = t.ReferenceDate, Note = t.Note,
            }));
        }

        // The municipalities' agreed contributions, once: later changes are the region's, through the site.
        await db.SaveChangesAsync(ct);
        if (!await db.Targets.AnyAsync(t => t.RegionId == definition.Id && t.MunicipalityId != null, ct))
        {
            db.Targets.AddRange(definition.Targets.Where(t => t.Municipality is not null).Select(t => new Target
            {
                RegionId = definition.Id, Technique = t.Technique, Year = t.Year, ValueMwh = t.ValueMwh,
                Source = t.Source, ReferenceDate = t.ReferenceDate, Note = t.Note, MunicipalityId = existing[t.Municipality!].Id,
            }));
        }

        if (!await db.FullLoadHours.AnyAsync(h => h.RegionId == definition.Id, ct))
        {
            db.FullLoadHours.AddRange(definition.FullLoadHours.Select(h => new FullLoadHours
            {
                RegionId = definition.Id, Technique = h.Technique, Hours = h.Hours, ValidFrom = h.ValidFrom,
                ValidUntil = h.ValidUntil, Source = h.Source,
                Municipality = h.Municipality is null ? null : existing[h.Municipality],
            }));
        }

        if (!await db.ForecastAssumptions.AnyAsync(a => a.RegionId == definition.Id, ct))
        {
            db.ForecastAssumptions.AddRange(Forecast.ForecastAssumptionRow.From(definition.Id, Forecast.ForecastAssumptions.Defaults));
        }

        await db.SaveChangesAsync(ct);

        var removed = 0;
        var added = 0;
        var hasExamples = await db.Projects.AnyAsync(p => p.RegionId == definition.Id && p.IsExample, ct);
        if (withExamples && !await db.SearchAreas.AnyAsync(a => a.RegionId == definition.Id && a.IsExample, ct)
            && files.Read(ExampleSearchAreasFile) is { } areas)
        {
            db.SearchAreas.AddRange(ReadExampleSearchAreas(definition.Id, areas, existing));
            await db.SaveChangesAsync(ct);
        }

        if (!withExamples)
        {
            removed = await RemoveExamplesAsync(definition.Id, ct);
        }
        else if (!hasExamples && files.Read("examples.csv") is { } examples)
        {
            var importer = new ProjectImporter(db, new ImportOptions(), clock);
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(examples));
            var report = await importer.ImportAsync(definition.Id, stream, "examples.csv", stream.Length, dryRun: false, ct);
            if (!report.Succeeded)
            {
                throw new InvalidDataException("De voorbeeldprojecten zijn ongeldig: " + string.Join("; ", report.Errors));
            }

            added = report.Imported;
        }

        if (withExamples && !await db.Congestions.AnyAsync(c => c.RegionId == definition.Id && c.IsExample, ct)
            && files.Read(ExampleCongestion.File) is { } congestion)
        {
            // Read again: the importer above leaves nothing tracked, so the organisations read earlier are detached.
            var organisations = await db.Organisations.Where(o => o.RegionId == definition.Id).ToDictionaryAsync(o => o.Code, ct);
            var searchAreas = await db.SearchAreas.Where(a => a.RegionId == definition.Id).ToDictionaryAsync(a => a.Id, ct);
            db.Congestions.AddRange(ExampleCongestion.Read(definition.Id, congestion, organisations, searchAreas));
            await db.SaveChangesAsync(ct);
        }

        return new(definition.Id, definition.Organisations.Count, definition.Targets.Count, definition.FullLoadHours.Count, added, removed);
    }

    private async Task<int> RemoveExamplesAsync(string regionId, CancellationToken ct)
    {
        var examples = db.Projects.Where(p => p.RegionId == regionId && p.IsExample);
        var exampleAreas = db.SearchAreas.Where(a => a.RegionId == regionId && a.IsExample);
        // Example congestion records first: they may point at the example search areas.
        await db.Congestions.Where(c => c.RegionId == regionId && c.IsExample).ExecuteDeleteAsync(ct);
        await db.PlanFailures.Where(f => examples.Any(p => p.Id == f.ProjectId) || exampleAreas.Any(a => a.Id == f.SearchAreaId)).ExecuteDeleteAsync(ct);
        await db.PhaseChanges.Where(c => examples.Any(p => p.Id == c.ProjectId)).ExecuteDeleteAsync(ct);
        await db.Permits.Where(c => examples.Any(p => p.Id == c.ProjectId)).ExecuteDeleteAsync(ct);
        var removed = await examples.ExecuteDeleteAsync(ct);
        await db.SearchAreas.Where(a => a.RegionId == regionId && a.IsExample).ExecuteDeleteAsync(ct);
        await Register.RegisterVersionStore.RaiseAsync(db, ct);
        return removed;
    }

    private const string ExampleSearchAreasFile = "zoekgebieden-voorbeeld.geojson";

    /// <summary>Fictitious search areas (GeoJSON features with id, naam, techniek, gemeente), marked as examples.</summary>
    private static List<SearchArea> ReadExampleSearchAreas(string regionId, string geoJson, Dictionary<string, Organisation> organisations)
    {
        using var document = JsonDocument.Parse(geoJson);
        var result = new List<SearchArea>();
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            var properties = feature.GetProperty("properties");
            var technique = properties.GetProperty("techniek").GetString()!;
            var municipality = properties.GetProperty("gemeente").GetString()!;
            result.Add(new SearchArea
            {
                Id = properties.GetProperty("id").GetString()!,
                RegionId = regionId,
                Name = properties.GetProperty("naam").GetString()!,
                Technique = Labels.ParseTechnique(technique) ?? throw new InvalidDataException($"{ExampleSearchAreasFile}: onbekende techniek '{technique}'."),
                Municipality = organisations.TryGetValue(municipality, out var m) ? m : throw new InvalidDataException($"{ExampleSearchAreasFile}: onbekende gemeente '{municipality}'."),
                GeometryGeoJson = feature.GetProperty("geometry").GetRawText(),
                IsExample = true,
                Source = "Voorbeeldgegevens ResMonitor (verzonnen)",
                SourceDate = new DateOnly(2025, 7, 1),
            });
        }

        return result;
    }

    private static Dictionary<string, string> ReadBoundaries(string geoJson)
    {
        using var document = JsonDocument.Parse(geoJson);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            var code = feature.GetProperty("properties").GetProperty("statcode").GetString()!;
            result[code] = feature.GetProperty("geometry").GetRawText();
        }

        return result;
    }

    private static FileNotFoundException Missing(string name) => new($"Het bestand {name} ontbreekt bij de referentiegegevens.");

    private interface IFiles
    {
        string? Read(string name);
    }

    private sealed class EmbeddedFilesSource(string region) : IFiles
    {
        public string? Read(string name)
        {
            using var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream($"reference/{region}/{name}");
            if (stream is null)
            {
                return null;
            }

            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    private sealed class FolderFilesSource(string folder) : IFiles
    {
        public string? Read(string name)
        {
            var path = Path.Combine(folder, name);
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
    }

    private static EmbeddedFilesSource EmbeddedFiles(string region) => new(region);

    private static FolderFilesSource FolderFiles(string folder) =>
        Directory.Exists(folder) ? new(folder) : throw new DirectoryNotFoundException($"De map '{folder}' bestaat niet.");

    /// <summary>
    /// A target naming a municipality must name one of the region's municipalities under "organisations" and a
    /// technique, with a value above 0; otherwise the whole file is refused before anything is stored.
    /// </summary>
    private static void MunicipalTargetProblems(RegionFile definition, string? folder)
    {
        var file = folder is null ? "region.json" : Path.Combine(folder, "region.json");
        var municipalities = definition.Organisations.Where(o => o.Kind == OrganisationKind.Municipality).Select(o => o.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var (t, i) in definition.Targets.Select((t, i) => (t, i)))
        {
            if (t.Municipality is null)
            {
                continue;
            }

            if (!municipalities.Contains(t.Municipality))
            {
                throw new InvalidDataException(
                    $"{file}: targets[{i}].municipality '{t.Municipality}' is geen gemeente van de regio; geldig zijn {string.Join(", ", municipalities.Order(StringComparer.Ordinal))}. Er is niets opgeslagen.");
            }

            if (t.Technique is null)
            {
                throw new InvalidDataException($"{file}: targets[{i}] is een doel van gemeente '{t.Municipality}' zonder techniek; kies Wind, SolarOnLand, SolarOnRoof of TechnologyNeutral. Er is niets opgeslagen.");
            }

            if (t.ValueMwh <= 0)
            {
                throw new InvalidDataException($"{file}: targets[{i}].valueMwh moet groter dan 0 zijn. Er is niets opgeslagen.");
            }
        }
    }

    private sealed record RegionFile(
        string Id, string Name, string? Description, List<OrganisationItem> Organisations, List<TargetItem> Targets,
        List<HoursItem> FullLoadHours, BoundaryItem? Boundaries, NewProjectsItem? NewProjects = null);

    /// <summary>From when, and by which phase, a project counts as new (see NewProjectRule).</summary>
    private sealed record NewProjectsItem(DateOnly From, Phase Phase);

    private sealed record OrganisationItem(
        OrganisationKind Kind, string Code, string Name, string? Description, string? Website, int? Population,
        DateOnly? PopulationReferenceDate, string? PopulationSource);

    private sealed record TargetItem(Technique? Technique, int Year, decimal ValueMwh, string Source, DateOnly ReferenceDate, string? Note, string? Municipality = null);

    private sealed record HoursItem(Technique Technique, decimal Hours, DateOnly ValidFrom, DateOnly? ValidUntil, string Source, string? Municipality);

    private sealed record BoundaryItem(string File, string Source);
}
