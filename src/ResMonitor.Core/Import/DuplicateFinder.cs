using ResMonitor.Core.Energy;

namespace ResMonitor.Core.Import;

/// <summary>
/// Finds the project in the region's register that a new row of a file may well be: the same name in the same
/// municipality (the row is then that project, not a new one), or a possible duplicate: a similar name in the same
/// municipality ("Zonnepark De Hooge Stoep" and "Zonneveld Hooge Stoep"), a capacity within 5% in the same municipality
/// and technique, or a location within 500 m. Lookups by key, capacity and map cell, so that a file of many rows against
/// a large register stays fast.
/// </summary>
public sealed class DuplicateFinder
{
    public sealed record Registered(string Id, string Name, int MunicipalityId, Technique Technique, decimal CapacityMw, double? Latitude, double? Longitude);

    /// <summary>A project of the register that a row resembles, and why (Dutch, for the report).</summary>
    public sealed record Resemblance(Registered Project, List<string> Reasons);

    public const double NearbyMetres = 500;

    public const decimal CapacityTolerance = 0.05m;

    private const int MaxPerRule = 5;

    private const int MaxScannedPerCell = 500;

    /// <summary>Words that say what kind of park it is, not which one: left out when names are compared.</summary>
    private static readonly HashSet<string> GenericWords = new(StringComparer.Ordinal)
    {
        "zonnepark", "zonneveld", "zonnevelden", "zonnepanelen", "zonnedak", "zonnedaken", "zon", "solar", "pv", "park",
        "windpark", "windturbine", "windturbines", "windmolens", "wind", "energiepark", "energie", "project", "de", "het",
        "een", "op", "aan", "bij", "van", "locatie", "veld", "dak",
    };

    /// <summary>Size of a map cell in degrees: about 1.1 km north-south, 0.7 km east-west in Drenthe.</summary>
    private const double Cell = 0.01;

    private readonly Dictionary<(int, string), Registered> _byName = [];
    private readonly Dictionary<(int, string), List<Registered>> _byCore = [];
    private readonly Dictionary<(int, Technique), List<Registered>> _byKind = [];
    private readonly Dictionary<(int, int), List<Registered>> _byCell = [];

    public DuplicateFinder(IEnumerable<Registered> projects)
    {
        foreach (var project in projects)
        {
            _byName.TryAdd((project.MunicipalityId, NameKey(project.Name)), project);
            AddTo(_byCore, (project.MunicipalityId, CoreKey(project.Name)), project);
            AddTo(_byKind, (project.MunicipalityId, project.Technique), project);
            if (project.Latitude is { } lat && project.Longitude is { } lon)
            {
                AddTo(_byCell, CellOf(lat, lon), project);
            }
        }

        foreach (var list in _byKind.Values)
        {
            list.Sort((a, b) => a.CapacityMw.CompareTo(b.CapacityMw));
        }
    }

    /// <summary>The project with exactly this name (ignoring case, accents and punctuation) in this municipality.</summary>
    public Registered? SameName(int municipalityId, string name) =>
        _byName.TryGetValue((municipalityId, NameKey(name)), out var project) ? project : null;

    /// <summary>The register's project the row resembles most (most reasons), or null.</summary>
    public Resemblance? Resembles(string name, int municipalityId, Technique technique, decimal capacityMw, double? latitude, double? longitude)
    {
        var found = new Dictionary<string, Resemblance>(StringComparer.Ordinal);
        void Note(Registered project, string reason)
        {
            if (!found.TryGetValue(project.Id, out var resemblance))
            {
                found[project.Id] = resemblance = new(project, []);
            }

            resemblance.Reasons.Add(reason);
        }

        var core = CoreKey(name);
        if (core.Length > 0 && _byCore.TryGetValue((municipalityId, core), out var named))
        {
            foreach (var project in named)
            {
                Note(project, $"een gelijkende naam in dezelfde gemeente ('{project.Name}')");
            }
        }

        if (_byKind.TryGetValue((municipalityId, technique), out var kind) && capacityMw > 0)
        {
            var low = capacityMw * (1 - CapacityTolerance);
            var high = capacityMw * (1 + CapacityTolerance);
            var start = LowerBound(kind, low);
            // The nearest few are enough to ask the question; a register of many equal parks stays fast.
            for (var i = start; i < kind.Count && i < start + MaxPerRule && kind[i].CapacityMw <= high; i++)
            {
                Note(kind[i], $"een vermogen binnen 5% ({DutchFormat.Number(kind[i].CapacityMw, 1)} MW), zelfde techniek en gemeente");
            }
        }

        if (latitude is { } lat && longitude is { } lon)
        {
            var (row, column) = CellOf(lat, lon);
            for (var dr = -1; dr <= 1; dr++)
            {
                for (var dc = -1; dc <= 1; dc++)
                {
                    if (!_byCell.TryGetValue((row + dr, column + dc), out var near))
                    {
                        continue;
                    }

                    foreach (var project in near.Take(MaxScannedPerCell))
                    {
                        var metres = 1000 * Geo.Compass.DistanceKm(lat, lon, project.Latitude!.Value, project.Longitude!.Value);
                        if (metres <= NearbyMetres)
                        {
                            Note(project, $"een ligging op {DutchFormat.Number((decimal)Math.Round(metres / 10) * 10, 0)} m afstand");
                        }
                    }
                }
            }
        }

        return found.Values.OrderByDescending(r => r.Reasons.Count).ThenBy(r => r.Project.Id, StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>A name's key: lower case, without accents, spaces or punctuation.</summary>
    public static string NameKey(string name) => ImportColumns.Key(name);

    /// <summary>A name without the words that only say the kind of park: "Zonnepark De Hooge Stoep" → "hoogestoep".</summary>
    public static string CoreKey(string name)
    {
        var words = name.Split([' ', '-', '_', '.', ',', '(', ')', '/', '\'', '"'], StringSplitOptions.RemoveEmptyEntries)
            .Select(ImportColumns.Key)
            .Where(w => w.Length > 0 && !GenericWords.Contains(w));
        return string.Concat(words);
    }

    private static int LowerBound(List<Registered> sorted, decimal value)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid].CapacityMw < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static (int, int) CellOf(double latitude, double longitude) => ((int)Math.Floor(latitude / Cell), (int)Math.Floor(longitude / Cell));

    private static void AddTo<TKey>(Dictionary<TKey, List<Registered>> index, TKey key, Registered project)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(project);
    }
}
