namespace ResMonitor.Core.Geo;

/// <summary>The eight directions of the compass, clockwise from north.</summary>
public enum CompassPoint
{
    North,
    NorthEast,
    East,
    SouthEast,
    South,
    SouthWest,
    West,
    NorthWest,
}

/// <summary>Distance and direction between two points on the earth, and their words.</summary>
public static class Compass
{
    private const double EarthRadiusKm = 6371.0088;

    /// <summary>The great-circle distance in kilometres (haversine).</summary>
    public static double DistanceKm(double fromLatitude, double fromLongitude, double toLatitude, double toLongitude)
    {
        var dLat = Radians(toLatitude - fromLatitude);
        var dLon = Radians(toLongitude - fromLongitude);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(Radians(fromLatitude)) * Math.Cos(Radians(toLatitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>The direction in which the second point lies, seen from the first (initial bearing, in eight sectors of 45°).</summary>
    public static CompassPoint Direction(double fromLatitude, double fromLongitude, double toLatitude, double toLongitude)
    {
        var phi1 = Radians(fromLatitude);
        var phi2 = Radians(toLatitude);
        var dLon = Radians(toLongitude - fromLongitude);
        var y = Math.Sin(dLon) * Math.Cos(phi2);
        var x = (Math.Cos(phi1) * Math.Sin(phi2)) - (Math.Sin(phi1) * Math.Cos(phi2) * Math.Cos(dLon));
        var degrees = (Math.Atan2(y, x) * 180 / Math.PI + 360) % 360;
        return (CompassPoint)((int)Math.Round(degrees / 45) % 8);
    }

    /// <summary>"ten oosten van": where something lies, in Dutch.</summary>
    public static string Dutch(CompassPoint point) => point switch
    {
        CompassPoint.North => "ten noorden van",
        CompassPoint.NorthEast => "ten noordoosten van",
        CompassPoint.East => "ten oosten van",
        CompassPoint.SouthEast => "ten zuidoosten van",
        CompassPoint.South => "ten zuiden van",
        CompassPoint.SouthWest => "ten zuidwesten van",
        CompassPoint.West => "ten westen van",
        _ => "ten noordwesten van",
    };

    /// <summary>"east of": where something lies, in English.</summary>
    public static string English(CompassPoint point) => point switch
    {
        CompassPoint.North => "north of",
        CompassPoint.NorthEast => "north-east of",
        CompassPoint.East => "east of",
        CompassPoint.SouthEast => "south-east of",
        CompassPoint.South => "south of",
        CompassPoint.SouthWest => "south-west of",
        CompassPoint.West => "west of",
        _ => "north-west of",
    };

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}

/// <summary>
/// Where a point lies relative to a place, to say in words: "2 km ten oosten van Nieuw-Buinen". Below
/// <see cref="NearKm"/> the point is simply "bij" the place; up to 20 km the distance is rounded to whole kilometres,
/// beyond to 5 km, because a place's point is its centre and a more precise figure would promise too much.
/// </summary>
public sealed record Whereabouts(Place Place, double DistanceKm, CompassPoint Direction)
{
    public const double NearKm = 0.75;

    /// <summary>The distance as said: whole kilometres (at least 1), or fives beyond 20 km; null when near.</summary>
    public int? RoundedKm => DistanceKm < NearKm ? null
        : DistanceKm < 20 ? Math.Max(1, (int)Math.Round(DistanceKm, MidpointRounding.AwayFromZero))
        : (int)(Math.Round(DistanceKm / 5, MidpointRounding.AwayFromZero) * 5);

    public string Dutch => RoundedKm is { } km ? $"{km} km {Compass.Dutch(Direction)} {Place.Name}" : $"bij {Place.Name}";

    public string English => RoundedKm is { } km ? $"{km} km {Compass.English(Direction)} {Place.Name}" : $"near {Place.Name}";

    /// <summary>Where the point lies relative to the given place.</summary>
    public static Whereabouts Of(double latitude, double longitude, Place place) =>
        new(place, Compass.DistanceKm(place.Latitude, place.Longitude, latitude, longitude),
            Compass.Direction(place.Latitude, place.Longitude, latitude, longitude));

    /// <summary>
    /// The nearest city, town or village to a point (a neighbourhood only when there is nothing else), or null
    /// without places.
    /// </summary>
    public static Whereabouts? Nearest(double latitude, double longitude, IReadOnlyList<Place> places)
    {
        var candidates = places.Any(p => p.Kind != PlaceKind.Neighbourhood) ? places.Where(p => p.Kind != PlaceKind.Neighbourhood) : places;
        return candidates
            .Select(p => Of(latitude, longitude, p))
            .OrderBy(w => w.DistanceKm)
            .ThenBy(w => w.Place.Name, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
