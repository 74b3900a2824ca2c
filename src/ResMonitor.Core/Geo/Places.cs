using System.Collections.Concurrent;
using System.Globalization;
using Sylvan.Data.Csv;

namespace ResMonitor.Core.Geo;

/// <summary>What a place is, from the places file's <c>soort</c>.</summary>
public enum PlaceKind
{
    /// <summary>stad: 20.000 inhabitants or more, or the provincial capital.</summary>
    City,

    /// <summary>plaats: 5.000 inhabitants or more.</summary>
    Town,

    /// <summary>dorp.</summary>
    Village,

    /// <summary>wijk: a part of a town with a name of its own.</summary>
    Neighbourhood,
}

/// <summary>A city, town or village of a region, with the municipality it lies in.</summary>
public sealed record Place(string Name, string MunicipalityCode, double Latitude, double Longitude, PlaceKind Kind, int Population);

/// <summary>
/// The region's places (<c>places.csv</c> in the region folder: naam, gemeentecode, lat, lon, soort, inwoners), read
/// once. A region without the file has no place search; the map says so.
/// </summary>
public sealed class PlaceList
{
    public const string FileName = "places.csv";

    private static readonly ConcurrentDictionary<string, PlaceList?> Embedded = new(StringComparer.Ordinal);

    private PlaceList(IReadOnlyList<Place> places) => Places = places;

    public IReadOnlyList<Place> Places { get; }

    /// <summary>The places shipped with the program for a region, or null when the region has no places file.</summary>
    public static PlaceList? ForRegion(string regionId) => Embedded.GetOrAdd(regionId, static id =>
    {
        using var stream = typeof(PlaceList).Assembly.GetManifestResourceStream($"reference/{id}/{FileName}");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), $"{id}/{FileName}");
    });

    /// <summary>Reads a places file; a row that does not fit is refused naming the file, the line and the column.</summary>
    public static PlaceList Parse(string csv, string file)
    {
        using var data = CsvDataReader.Create(new StringReader(csv), new CsvDataReaderOptions { HasHeaders = true });
        string[] columns = ["naam", "gemeentecode", "lat", "lon", "soort", "inwoners"];
        foreach (var column in columns)
        {
            if (data.GetOrdinal(column) < 0)
            {
                throw new InvalidDataException($"{file}: de kolom '{column}' ontbreekt; verwacht zijn {string.Join(", ", columns)}.");
            }
        }

        var places = new List<Place>();
        var line = 1;
        while (data.Read())
        {
            line++;
            string Text(string column) => data.GetString(data.GetOrdinal(column)).Trim();
            double Coordinate(string column) => double.TryParse(Text(column), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new InvalidDataException($"{file}, regel {line}: de kolom '{column}' moet een getal met een punt zijn, niet '{Text(column)}'.");
            var name = Text("naam");
            if (name.Length == 0 || TextRule.Check(name, "De kolom 'naam'") is not null)
            {
                throw new InvalidDataException($"{file}, regel {line}: de kolom 'naam' is leeg of bevat tekens die niet zijn toegestaan.");
            }

            var kind = Text("soort") switch
            {
                "stad" => PlaceKind.City,
                "plaats" => PlaceKind.Town,
                "dorp" => PlaceKind.Village,
                "wijk" => PlaceKind.Neighbourhood,
                var other => throw new InvalidDataException($"{file}, regel {line}: de kolom 'soort' kent '{other}' niet; kies stad, plaats, dorp of wijk."),
            };
            var population = int.TryParse(Text("inwoners"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
            places.Add(new Place(name, Text("gemeentecode"), Coordinate("lat"), Coordinate("lon"), kind, population));
        }

        return new PlaceList(places);
    }
}
