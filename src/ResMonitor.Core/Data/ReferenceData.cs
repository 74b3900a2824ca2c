using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Energy;
using ResMonitor.Core.Grid;
using ResMonitor.Core.Import;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;

namespace ResMonitor.Core.Data;

public sealed record SeedResult(
    string RegionId, int Organisations, int Targets, int FullLoadHours, int ExamplesAdded, int ExamplesRemoved, int ProjectsAdded = 0,
    int OfficialFigures = 0);

/// <summary>What a seed does with the fictitious example records of a region.</summary>
public enum ExampleSeeding
{
    /// <summary>Leaves them as they are: none are added, those there stay (the default).</summary>
    Keep,

    /// <summary>Adds them for a demonstration (`seed --examples`), marked as examples everywhere.</summary>
    Add,

    /// <summary>Removes them with everything recorded about them (`seed --without-examples`).</summary>
    Remove,
}

/// <param name="Examples">What to do with the example records.</param>
/// <param name="Projects">Whether the region's real, publicly documented projects (projects.csv) are loaded.</param>
public sealed record SeedOptions(ExampleSeeding Examples = ExampleSeeding.Keep, bool Projects = true)
{
    public static readonly SeedOptions Default = new();
}

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

    /// <summary>The region's real projects, with their public sources; loaded by default.</summary>
    public const string ProjectsFile = "projects.csv";

    /// <summary>
    /// Seeds from a folder holding region.json (and the files it names), or the embedded Drenthe set: the region's
    /// reference data and official counts, its real projects (<see cref="ProjectsFile"/>) unless
    /// <see cref="SeedOptions.Projects"/> is false, and the example records only when asked for.
    /// </summary>
    public async Task<SeedResult> SeedAsync(string? regionFolder, SeedOptions options, CancellationToken ct = default)
    {
        var withExamples = options.Examples == ExampleSeeding.Add;
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

        var officialFigures = await SeedOfficialFiguresAsync(definition, ct);
        await Governance.TimelineSeed.SeedAsync(db, definition.Id, files.Read(Governance.TimelineSeed.File), ct);
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

        if (options.Examples == ExampleSeeding.Remove)
        {
            removed = await RemoveExamplesAsync(definition.Id, ct);
        }
        else if (withExamples && !hasExamples && files.Read("examples.csv") is { } examples)
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

        // Last: the importer leaves nothing tracked, and the steps above still use the organisations read at the start.
        var projectsAdded = options.Projects && files.Read(ProjectsFile) is { } projects
            ? await SeedProjectsAsync(definition.Id, projects, ct)
            : 0;

        return new(definition.Id, definition.Organisations.Count, definition.Targets.Count, definition.FullLoadHours.Count, added, removed,
            projectsAdded, officialFigures);
    }

    /// <summary>
    /// Adds the official counts the region file names, and updates those already there (matched on technique, table and
    /// period), so that a newer file corrects a figure instead of adding it twice. Returns how many the file holds.
    /// </summary>
    private async Task<int> SeedOfficialFiguresAsync(RegionFile definition, CancellationToken ct)
    {
        var items = definition.OfficialFigures ?? [];
        var stored = await db.OfficialFigures.Where(f => f.RegionId == definition.Id).ToListAsync(ct);
        foreach (var item in items)
        {
            var figure = stored.FirstOrDefault(f => f.Technique == item.Technique && f.TableId == item.TableId && f.PeriodEnd == item.PeriodEnd);
            if (figure is null)
            {
                figure = new OfficialFigure { RegionId = definition.Id, TableId = item.TableId, Status = item.Status, Source = item.Source };
                db.OfficialFigures.Add(figure);
                stored.Add(figure);
            }

            figure.Technique = item.Technique;
            figure.CapacityMw = item.CapacityMw;
            figure.PeriodEnd = item.PeriodEnd;
            figure.Status = item.Status;
            figure.Source = item.Source;
        }

        return items.Count;
    }

    /// <summary>
    /// Imports the region's real projects when any of them is missing from the register (the first seed, or a newer
    /// file with more parks); the importer adds new ids and updates the others column by column, keeping manual
    /// corrections. Nothing is imported when the file has an error.
    /// </summary>
    private async Task<int> SeedProjectsAsync(string regionId, string csv, CancellationToken ct)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(csv);
        var ids = csv.Split('\n').Skip(1).Select(line => line.Split(',')[0].Trim()).Where(id => id.Length > 0).ToList();
        var present = await db.Projects.Where(p => p.RegionId == regionId && ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        if (present.Count == ids.Count)
        {
            return 0;
        }

        var importer = new ProjectImporter(db, new ImportOptions(), clock);
        using var stream = new MemoryStream(bytes);
        var report = await importer.ImportAsync(regionId, stream, ProjectsFile, stream.Length, dryRun: false, ct);
        if (!report.Succeeded)
        {
            throw new InvalidDataException($"{ProjectsFile} is ongeldig; er is geen project ingelezen: " + string.Join("; ", report.Errors));
        }

        return ids.Count - present.Count;
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
        List<HoursItem> FullLoadHours, BoundaryItem? Boundaries, List<OfficialFigureItem>? OfficialFigures, NewProjectsItem? NewProjects = null);

    /// <summary>From when, and by which phase, a project counts as new (see NewProjectRule).</summary>
    private sealed record NewProjectsItem(DateOnly From, Phase Phase);

    private sealed record OfficialFigureItem(
        Technique Technique, decimal CapacityMw, DateOnly PeriodEnd, string TableId, string Status, string Source);

    private sealed record OrganisationItem(
        OrganisationKind Kind, string Code, string Name, string? Description, string? Website, int? Population,
        DateOnly? PopulationReferenceDate, string? PopulationSource);

    private sealed record TargetItem(Technique? Technique, int Year, decimal ValueMwh, string Source, DateOnly ReferenceDate, string? Note, string? Municipality = null);

    private sealed record HoursItem(Technique Technique, decimal Hours, DateOnly ValidFrom, DateOnly? ValidUntil, string Source, string? Municipality);

    private sealed record BoundaryItem(string File, string Source);
}
