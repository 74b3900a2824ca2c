using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Data;
using ResMonitor.Core.Import;
using ResMonitor.Core.Regions;

namespace ResMonitor.Core.National;

/// <summary>What a national seed stored: the regions and municipalities of the selection and how many were new.</summary>
public sealed record NationalSeedResult(int Regions, int Municipalities, int RegionsAdded, int MunicipalitiesAdded, int SingleBids, int Ranges, int Unknown);

/// <summary>One region of the national files: its code, name, bid and boundary, and the line it stands on.</summary>
public sealed record NationalRegion(int Line, string Code, string Name, decimal? BidMwh, decimal? LowMwh, decimal? HighMwh, string Source, string? Note, string Mark, int? Municipalities, string Boundary);

/// <summary>One municipality of the national files: its CBS code, name, region and boundary.</summary>
public sealed record NationalMunicipality(int Line, string Code, string Name, string RegionCode, string Boundary);

/// <summary>The national files read and checked against each other; nothing stored yet.</summary>
public sealed record NationalFiles(IReadOnlyList<NationalRegion> Regions, IReadOnlyList<NationalMunicipality> Municipalities);

/// <summary>
/// Loads all 30 RES regions (or a chosen set) with their municipalities, boundaries and RES 1.0 bids from the national
/// folder (by default the embedded one, <c>Data/Reference/national/</c>). Every file is read and checked against the
/// others before anything is stored; a region that is in the register already (Drenthe with its own region.json) keeps
/// its name, targets and partners and gets its code, bid and boundary. Seeding again changes nothing.
/// </summary>
public sealed partial class NationalSeed(ResMonitorDbContext db)
{
    public const string RegionsFile = "res-regions.csv";
    public const string MunicipalitiesFile = "gemeente-res.csv";
    public const string MunicipalBoundariesFile = "gemeenten-2024.geojson";
    public const string RegionBoundariesFile = "res-regions-2024.geojson";
    public const string BoundarySource = "CBS / Kadaster, gebiedsindeling 2024 (gegeneraliseerd, via cartomap/nl), CC BY 4.0";

    /// <summary>The reference date of a bid taken over as a region's target: the day the RES 1.0 was due (1 July 2021).</summary>
    public static readonly DateOnly BidReferenceDate = new(2021, 7, 1);

    [GeneratedRegex("^ES[0-9]{2}$")]
    private static partial Regex RegionCode();

    [GeneratedRegex("^GM[0-9]{4}$")]
    private static partial Regex MunicipalityCode();

    /// <summary>Reads and checks the national files of a folder (null: the embedded set); throws a Dutch InvalidDataException naming the file, line or feature and code.</summary>
    public static NationalFiles Read(string? folder)
    {
        string Load(string name)
        {
            if (folder is null)
            {
                using var stream = typeof(NationalSeed).Assembly.GetManifestResourceStream($"reference/national/{name}")
                    ?? throw new FileNotFoundException($"Het bestand {name} ontbreekt bij de landelijke referentiegegevens.");
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd();
            }

            var path = Path.Combine(folder, name);
            return File.Exists(path) ? File.ReadAllText(path) : throw new FileNotFoundException($"Het bestand {path} ontbreekt: een landelijke map bevat {RegionsFile}, {MunicipalitiesFile}, {MunicipalBoundariesFile} en {RegionBoundariesFile}.");
        }

        var regionBoundaries = ReadBoundaries(Load(RegionBoundariesFile), RegionBoundariesFile, RegionCode(), "regiocode (ESnn)");
        var municipalBoundaries = ReadBoundaries(Load(MunicipalBoundariesFile), MunicipalBoundariesFile, MunicipalityCode(), "gemeentecode (GMnnnn)");
        var regions = ReadRegions(Load(RegionsFile), regionBoundaries);
        var municipalities = ReadMunicipalities(Load(MunicipalitiesFile), regions, municipalBoundaries);
        return new NationalFiles(regions, municipalities);
    }

    private static Dictionary<string, (int Feature, string Geometry)> ReadBoundaries(string geoJson, string file, Regex pattern, string kind)
    {
        var result = new Dictionary<string, (int, string)>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(geoJson);
            var index = 0;
            foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
            {
                index++;
                var code = feature.TryGetProperty("properties", out var p) && p.TryGetProperty("statcode", out var c) ? c.GetString() : null;
                if (code is null || !pattern.IsMatch(code))
                {
                    throw new InvalidDataException($"{file}, feature {index}: 'statcode' ('{code}') is geen {kind}. Er is niets opgeslagen.");
                }

                if (result.ContainsKey(code))
                {
                    throw new InvalidDataException($"{file}, feature {index}: de code {code} komt twee keer voor. Er is niets opgeslagen.");
                }

                result[code] = (index, feature.GetProperty("geometry").GetRawText());
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{file} is geen geldige GeoJSON FeatureCollection: {e.Message} Er is niets opgeslagen.", e);
        }

        return result;
    }

    private static List<CsvRecord> Records(string csv, string file, string[] required, out Dictionary<string, int> columns)
    {
        var reader = new CsvReader(new StringReader(csv));
        var header = reader.ReadHeader() ?? throw new InvalidDataException($"{file} is leeg. Er is niets opgeslagen.");
        var names = header.Fields.Select((name, i) => (name.Trim(), i)).ToDictionary(x => x.Item1, x => x.i, StringComparer.Ordinal);
        columns = names;
        var missing = required.Where(r => !names.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{file}, regel 1: de kolom(men) {string.Join(", ", missing)} ontbreken. Er is niets opgeslagen.");
        }

        try
        {
            var records = reader.ReadAll().ToList();
            foreach (var record in records)
            {
                foreach (var field in record.Fields)
                {
                    if (TextRule.Check(field, "Een veld") is { } message)
                    {
                        throw new InvalidDataException($"{file}, regel {record.Line}: {message} Er is niets opgeslagen.");
                    }
                }
            }

            return records;
        }
        catch (CsvQuotingException e)
        {
            throw new InvalidDataException($"{file}: {e.Message} Er is niets opgeslagen.", e);
        }
    }

    private static List<NationalRegion> ReadRegions(string csv, Dictionary<string, (int Feature, string Geometry)> boundaries)
    {
        string[] required = ["res_code", "name", "bid_twh_res1", "source", "note", "bid_mark", "bid_twh_low", "bid_twh_high", "n_gemeenten_2024"];
        var records = Records(csv, RegionsFile, required, out var col);
        var result = new List<NationalRegion>();
        foreach (var record in records)
        {
            string Field(string name) => col[name] < record.Fields.Length ? record.Fields[col[name]].Trim() : "";
            string Where() => $"{RegionsFile}, regel {record.Line}";
            var code = Field("res_code");
            if (!RegionCode().IsMatch(code))
            {
                throw new InvalidDataException($"{Where()}: de regiocode '{code}' is geen CBS-code van een RES-regio (ES01 tot en met ES30). Er is niets opgeslagen.");
            }

            if (!boundaries.TryGetValue(code, out var boundary))
            {
                throw new InvalidDataException($"{Where()}: de regiocode {code} bestaat niet: {RegionBoundariesFile} kent alleen {string.Join(", ", boundaries.Keys.Order(StringComparer.Ordinal))}. Er is niets opgeslagen.");
            }

            if (result.Any(r => r.Code == code))
            {
                throw new InvalidDataException($"{Where()}: de regiocode {code} staat er al op regel {result.First(r => r.Code == code).Line}. Er is niets opgeslagen.");
            }

            decimal? Twh(string column)
            {
                var text = Field(column);
                if (text.Length == 0)
                {
                    return null;
                }

                if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0)
                {
                    throw new InvalidDataException($"{Where()} ({code}): '{column}' ('{text}') is geen getal groter dan 0 in TWh met een punt als decimaalteken; laat het veld leeg als het bod onbekend is. Er is niets opgeslagen.");
                }

                return value * 1_000_000m;
            }

            var (bid, low, high) = (Twh("bid_twh_res1"), Twh("bid_twh_low"), Twh("bid_twh_high"));
            if ((low is null) != (high is null) || low > high)
            {
                throw new InvalidDataException($"{Where()} ({code}): een bandbreedte heeft een 'bid_twh_low' en een 'bid_twh_high', de eerste niet groter dan de tweede. Er is niets opgeslagen.");
            }

            var mark = Field("bid_mark");
            if (mark is not ("[V]" or "[U]"))
            {
                throw new InvalidDataException($"{Where()} ({code}): 'bid_mark' ('{mark}') moet [V] (gelezen in de bron) of [U] (onzeker) zijn. Er is niets opgeslagen.");
            }

            var name = Field("name");
            var source = Field("source");
            if (name.Length == 0 || source.Length == 0)
            {
                throw new InvalidDataException($"{Where()} ({code}): 'name' en 'source' zijn verplicht. Er is niets opgeslagen.");
            }

            int? count = int.TryParse(Field("n_gemeenten_2024"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
            result.Add(new NationalRegion(record.Line, code, name, bid, low, high, source, Field("note") is { Length: > 0 } note ? note : null, mark, count, boundary.Geometry));
        }

        var absent = boundaries.Keys.Except(result.Select(r => r.Code)).Order(StringComparer.Ordinal).ToList();
        if (absent.Count > 0)
        {
            throw new InvalidDataException($"{RegionBoundariesFile}: de regio('s) {string.Join(", ", absent.Select(c => $"{c} (feature {boundaries[c].Feature})"))} staan niet in {RegionsFile}. Er is niets opgeslagen.");
        }

        return result;
    }

    private static List<NationalMunicipality> ReadMunicipalities(
        string csv, List<NationalRegion> regions, Dictionary<string, (int Feature, string Geometry)> boundaries)
    {
        var records = Records(csv, MunicipalitiesFile, ["gm_code", "gemeente", "res_code"], out var col);
        var codes = regions.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var result = new Dictionary<string, NationalMunicipality>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            string Field(string name) => col[name] < record.Fields.Length ? record.Fields[col[name]].Trim() : "";
            var (code, name, region) = (Field("gm_code"), Field("gemeente"), Field("res_code"));
            var where = $"{MunicipalitiesFile}, regel {record.Line}";
            if (!MunicipalityCode().IsMatch(code) || name.Length == 0)
            {
                throw new InvalidDataException($"{where}: '{code}' is geen gemeentecode (GMnnnn) met een naam. Er is niets opgeslagen.");
            }

            if (!codes.ContainsKey(region))
            {
                throw new InvalidDataException($"{where}: gemeente {code} ({name}) hoort bij regiocode '{region}', maar die bestaat niet in {RegionsFile}. Er is niets opgeslagen.");
            }

            if (result.TryGetValue(code, out var earlier))
            {
                throw new InvalidDataException(earlier.RegionCode == region
                    ? $"{where}: gemeente {code} ({name}) staat er al op regel {earlier.Line}. Er is niets opgeslagen."
                    : $"{where}: gemeente {code} ({name}) staat in twee regio's: {earlier.RegionCode} (regel {earlier.Line}) en {region}. Een gemeente hoort bij één RES-regio. Er is niets opgeslagen.");
            }

            if (!boundaries.TryGetValue(code, out var boundary))
            {
                throw new InvalidDataException($"{where}: gemeente {code} ({name}) heeft geen grens in {MunicipalBoundariesFile}: de codes van het grenzenbestand passen niet bij de gemeenten. Er is niets opgeslagen.");
            }

            result[code] = new NationalMunicipality(record.Line, code, name, region, boundary.Geometry);
        }

        var extra = boundaries.Keys.Where(c => !result.ContainsKey(c)).OrderBy(c => boundaries[c].Feature).ToList();
        if (extra.Count > 0)
        {
            throw new InvalidDataException(
                $"{MunicipalBoundariesFile}, feature {boundaries[extra[0]].Feature}: de code {extra[0]} is geen gemeente in {MunicipalitiesFile}" +
                (extra.Count > 1 ? $" (en {extra.Count - 1} andere: {string.Join(", ", extra.Skip(1).Take(5))}{(extra.Count > 6 ? ", ..." : "")})" : "") +
                ": de codes van het grenzenbestand passen niet bij de gemeenten. Er is niets opgeslagen.");
        }

        foreach (var region in regions.Where(r => r.Municipalities is not null))
        {
            var count = result.Values.Count(m => m.RegionCode == region.Code);
            if (count != region.Municipalities)
            {
                throw new InvalidDataException(
                    $"{RegionsFile}, regel {region.Line} ({region.Code}): 'n_gemeenten_2024' zegt {region.Municipalities} gemeenten, maar {MunicipalitiesFile} geeft er {count}. Er is niets opgeslagen.");
            }
        }

        return [.. result.Values];
    }

    /// <summary>
    /// The region codes of a selection ("ES01,ES03"); null or empty: all. An unknown code is refused naming it.
    /// </summary>
    public static IReadOnlyList<NationalRegion> Select(NationalFiles files, IReadOnlyCollection<string>? codes)
    {
        if (codes is null || codes.Count == 0)
        {
            return files.Regions;
        }

        var unknown = codes.Where(c => files.Regions.All(r => r.Code != c)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidDataException($"--regions: de regiocode(s) {string.Join(", ", unknown)} bestaan niet; geldig zijn ES01 tot en met ES30 ({RegionsFile}). Er is niets opgeslagen.");
        }

        return files.Regions.Where(r => codes.Contains(r.Code)).ToList();
    }

    /// <summary>
    /// The region id each selected region gets: the id it already has (its code stored before), else the slug of its
    /// name ("Drenthe" → drenthe, so that an instance that holds Drenthe keeps it). Refuses, before anything is stored, a
    /// municipality that the register holds in another region, and an id that cannot be an address.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> PlanAsync(NationalFiles files, IReadOnlyList<NationalRegion> selection, CancellationToken ct = default)
    {
        var known = await db.RegionBids.AsNoTracking().ToDictionaryAsync(b => b.Code, b => b.RegionId, StringComparer.Ordinal, ct);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var region in selection)
        {
            var id = known.GetValueOrDefault(region.Code) ?? Slug.From(region.Name);
            if (RegionId.Problem(id) is { } problem)
            {
                throw new InvalidDataException($"{RegionsFile}, regel {region.Line} ({region.Code}): {problem} Er is niets opgeslagen.");
            }

            ids[region.Code] = id;
        }

        var codes = files.Municipalities.Where(m => ids.ContainsKey(m.RegionCode)).Select(m => m.Code).ToList();
        var stored = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.Municipality && codes.Contains(o.Code))
            .Select(o => new { o.Code, o.RegionId })
            .ToListAsync(ct);
        foreach (var conflict in stored)
        {
            var municipality = files.Municipalities.First(m => m.Code == conflict.Code);
            if (ids[municipality.RegionCode] != conflict.RegionId)
            {
                throw new InvalidDataException(
                    $"{MunicipalitiesFile}, regel {municipality.Line}: gemeente {municipality.Code} ({municipality.Name}) hoort volgens dit bestand bij {municipality.RegionCode} ('{ids[municipality.RegionCode]}'), " +
                    $"maar het register heeft haar al in regio '{conflict.RegionId}'. Een gemeente staat in één regio. Er is niets opgeslagen.");
            }
        }

        return ids;
    }

    /// <summary>
    /// Reads and checks the national folder (null: the embedded one), checks the selection (null: all 30) against the
    /// register, runs <paramref name="afterChecks"/> (the default region's own seed) and stores the selection. Any
    /// problem is found before anything is stored.
    /// </summary>
    public async Task<NationalSeedResult> SeedAsync(
        string? folder, IReadOnlyCollection<string>? codes, Func<CancellationToken, Task>? afterChecks = null, CancellationToken ct = default)
    {
        var files = Read(folder);
        var selection = Select(files, codes);
        var ids = await PlanAsync(files, selection, ct);
        if (afterChecks is not null)
        {
            await afterChecks(ct);
        }

        return await StoreAsync(files, selection, ids, ct);
    }

    /// <summary>Stores the selection in one transaction (under the execution strategy); see <see cref="PlanAsync"/> for the ids.</summary>
    public async Task<NationalSeedResult> StoreAsync(
        NationalFiles files, IReadOnlyList<NationalRegion> selection, IReadOnlyDictionary<string, string> ids, CancellationToken ct = default) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var regionIds = ids.Values.ToList();
            var regions = await db.Regions.Where(r => regionIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
            var bids = await db.RegionBids.Where(b => regionIds.Contains(b.RegionId)).ToDictionaryAsync(b => b.RegionId, ct);
            var organisations = await db.Organisations.Where(o => regionIds.Contains(o.RegionId) && o.Kind == OrganisationKind.Municipality)
                .ToDictionaryAsync(o => (o.RegionId, o.Code), ct);
            var withTarget = (await db.Targets.Where(t => regionIds.Contains(t.RegionId) && t.MunicipalityId == null && t.Technique == null)
                .Select(t => t.RegionId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            var withAssumptions = (await db.ForecastAssumptions.Where(a => regionIds.Contains(a.RegionId)).Select(a => a.RegionId).ToListAsync(ct))
                .ToHashSet(StringComparer.Ordinal);
            int regionsAdded = 0, municipalitiesAdded = 0;
            foreach (var item in selection)
            {
                var id = ids[item.Code];
                if (!regions.ContainsKey(id))
                {
                    db.Regions.Add(new Region { Id = id, Name = item.Name, Description = $"RES-regio {item.Name} ({item.Code})." });
                    regionsAdded++;
                }

                if (!bids.TryGetValue(id, out var bid))
                {
                    bid = new RegionBid { RegionId = id, Code = item.Code, Source = item.Source, Mark = item.Mark };
                    db.RegionBids.Add(bid);
                }

                bid.Code = item.Code;
                bid.BidMwh = item.BidMwh;
                bid.LowMwh = item.LowMwh;
                bid.HighMwh = item.HighMwh;
                bid.Source = item.Source;
                bid.Note = item.Note;
                bid.Mark = item.Mark;
                bid.BoundaryGeoJson = item.Boundary;
                bid.BoundarySource = BoundarySource;

                // A single bid becomes the region's target, once; a region with its own (Drenthe's region.json) keeps it.
                if (bid.Kind == BidKind.Figure && !withTarget.Contains(id))
                {
                    db.Targets.Add(new Target
                    {
                        RegionId = id, Technique = null, Year = 2030, ValueMwh = item.BidMwh!.Value, Source = item.Source, ReferenceDate = BidReferenceDate,
                        Note = $"RES 1.0-bod ({item.Code}); peildatum: de inleverdatum van de RES 1.0. {item.Note}".Trim(),
                    });
                }

                if (!withAssumptions.Contains(id))
                {
                    db.ForecastAssumptions.AddRange(Forecast.ForecastAssumptionRow.From(id, Forecast.ForecastAssumptions.Defaults));
                }

                foreach (var m in files.Municipalities.Where(m => m.RegionCode == item.Code))
                {
                    if (organisations.TryGetValue((id, m.Code), out var organisation))
                    {
                        // A municipality the region already had keeps its own name and boundary.
                        organisation.BoundaryGeoJson ??= m.Boundary;
                        organisation.BoundarySource ??= BoundarySource;
                        continue;
                    }

                    db.Organisations.Add(new Organisation
                    {
                        RegionId = id, Kind = OrganisationKind.Municipality, Code = m.Code, Name = m.Name,
                        BoundaryGeoJson = m.Boundary, BoundarySource = BoundarySource,
                    });
                    municipalitiesAdded++;
                }
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            var selected = selection.Select(r => files.Regions.First(x => x.Code == r.Code)).ToList();
            var kinds = selected.Select(r => new RegionBid { RegionId = "", Code = r.Code, BidMwh = r.BidMwh, LowMwh = r.LowMwh, HighMwh = r.HighMwh, Source = r.Source, Mark = r.Mark }.Kind).ToList();
            return new NationalSeedResult(
                selection.Count, files.Municipalities.Count(m => ids.ContainsKey(m.RegionCode)), regionsAdded, municipalitiesAdded,
                kinds.Count(k => k == BidKind.Figure), kinds.Count(k => k == BidKind.Range), kinds.Count(k => k == BidKind.Unknown));
        });
}
