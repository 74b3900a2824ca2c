using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ResMonitor.Web.Features.Map;

/// <summary>An area to draw: a GeoJSON Polygon or MultiPolygon in WGS84.</summary>
public sealed record MapArea(string Key, string Label, string GeometryGeoJson, string Href, int Level, string Description);

/// <summary>A project as a marker; the shape, not only the colour, tells the technique apart (WCAG 1.4.1).</summary>
public sealed record MapPoint(string Key, string Label, double Latitude, double Longitude, string Href, string CssClass, MapShape Shape = MapShape.Circle);

/// <summary>Several projects as one marker: a circle whose area grows with the count, the count printed in it.</summary>
public sealed record MapCluster(string Key, string Label, double Latitude, double Longitude, int Count, string CountText, string Href);

public enum MapShape
{
    Circle,
    Square,
    Diamond,
}

/// <summary>
/// Draws a map as inline SVG on the server: no tile server, no script, works offline and prints. A simple
/// equirectangular projection scaled by the cosine of the middle latitude is exact enough for one province.
/// The SVG is a named group, not an image, because its areas and markers are links that keyboard and screen-reader
/// users can reach; the page also lists the same links as text.
/// </summary>
public static class SvgMap
{
    public const double Width = 600;

    public static string Render(string titleId, string title, string description, IReadOnlyList<MapArea> areas, IReadOnlyList<MapPoint> points,
        IReadOnlyList<MapArea>? searchAreas = null, bool small = false, IReadOnlyList<MapCluster>? clusters = null)
    {
        // The municipalities set the frame; search areas and projects lie inside them.
        var all = areas.SelectMany(a => Rings(a.GeometryGeoJson)).SelectMany(r => r).ToList();
        if (all.Count == 0)
        {
            return "";
        }

        double minLon = all.Min(p => p.Lon), maxLon = all.Max(p => p.Lon), minLat = all.Min(p => p.Lat), maxLat = all.Max(p => p.Lat);
        var k = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        var scale = Width / ((maxLon - minLon) * k);
        var height = Math.Ceiling((maxLat - minLat) * scale);
        (double X, double Y) Project(double lon, double lat) => ((lon - minLon) * k * scale, (maxLat - lat) * scale);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"rm-map{(small ? " rm-map--small" : "")}\" viewBox=\"-4 -4 {Width + 8} {height + 8}\" role=\"group\" aria-labelledby=\"{titleId}\" aria-describedby=\"{titleId}-desc\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{titleId}\">{Encode(title)}</title><desc id=\"{titleId}-desc\">{Encode(description)}</desc>");
        // Municipalities first, search areas on top of them, projects on top of all.
        foreach (var (area, cssClass) in areas.Select(a => (a, $"rm-map__area rm-map__area--{a.Level}"))
                     .Concat((searchAreas ?? []).Select(a => (a, "rm-map__search-area"))))
        {
            var d = new StringBuilder();
            foreach (var ring in Rings(area.GeometryGeoJson))
            {
                for (var i = 0; i < ring.Count; i++)
                {
                    var (x, y) = Project(ring[i].Lon, ring[i].Lat);
                    d.Append(i == 0 ? 'M' : 'L').Append(F(x)).Append(' ').Append(F(y));
                }

                d.Append('Z');
            }

            var label = Encode(area.Label + ": " + area.Description);
            svg.Append(CultureInfo.InvariantCulture,
                $"<a href=\"{Encode(area.Href)}\" tabindex=\"0\" aria-label=\"{label}\"><path class=\"{cssClass}\" d=\"{d}\"><title>{label}</title></path></a>");
        }

        foreach (var point in points)
        {
            var (x, y) = Project(point.Longitude, point.Latitude);
            var tooltip = $"<title>{Encode(point.Label)}</title>";
            var shape = point.Shape switch
            {
                MapShape.Square => FormattableString.Invariant($"<rect class=\"rm-map__point {point.CssClass}\" x=\"{F(x - 4.5)}\" y=\"{F(y - 4.5)}\" width=\"9\" height=\"9\">{tooltip}</rect>"),
                MapShape.Diamond => FormattableString.Invariant($"<path class=\"rm-map__point {point.CssClass}\" d=\"M{F(x)} {F(y - 6)}L{F(x + 6)} {F(y)}L{F(x)} {F(y + 6)}L{F(x - 6)} {F(y)}Z\">{tooltip}</path>"),
                _ => FormattableString.Invariant($"<circle class=\"rm-map__point {point.CssClass}\" cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"5\">{tooltip}</circle>"),
            };
            svg.Append(CultureInfo.InvariantCulture, $"<a href=\"{Encode(point.Href)}\" tabindex=\"0\" aria-label=\"{Encode(point.Label)}\">{shape}</a>");
        }

        foreach (var cluster in clusters ?? [])
        {
            var (x, y) = Project(cluster.Longitude, cluster.Latitude);
            var r = Math.Min(MarkerSpacing / 2, 9 + (4 * Math.Log10(Math.Max(1, cluster.Count))));
            var label = Encode(cluster.Label);
            svg.Append(CultureInfo.InvariantCulture,
                $"<a href=\"{Encode(cluster.Href)}\" tabindex=\"0\" aria-label=\"{label}\"><circle class=\"rm-map__cluster\" cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"{F(r)}\"><title>{label}</title></circle>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"rm-map__cluster-count\" x=\"{F(x)}\" y=\"{F(y)}\" aria-hidden=\"true\">{Encode(cluster.CountText)}</text></a>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The width in metres of the frame the areas set, to size a grid of markers for the map's 600 units; null without areas.</summary>
    public static double? WidthInMetres(IEnumerable<string> geometries)
    {
        var all = geometries.SelectMany(Rings).SelectMany(r => r).ToList();
        if (all.Count == 0)
        {
            return null;
        }

        var k = Math.Cos((all.Min(p => p.Lat) + all.Max(p => p.Lat)) / 2 * Math.PI / 180);
        return (all.Max(p => p.Lon) - all.Min(p => p.Lon)) * k * 111_320;
    }

    /// <summary>The distance in map units between the centres of two grid markers, so that they do not overlap.</summary>
    public const double MarkerSpacing = 48;

    /// <summary>The marker of each technique: wind a circle, solar on land a square, solar on roofs a diamond.</summary>
    public static MapShape ShapeOf(Core.Energy.Technique technique) => technique switch
    {
        Core.Energy.Technique.SolarOnLand => MapShape.Square,
        Core.Energy.Technique.SolarOnRoof => MapShape.Diamond,
        _ => MapShape.Circle,
    };

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);

    private static List<List<(double Lon, double Lat)>> Rings(string geoJson)
    {
        using var document = JsonDocument.Parse(geoJson);
        var root = document.RootElement;
        var type = root.GetProperty("type").GetString();
        var coordinates = root.GetProperty("coordinates");
        var polygons = type == "MultiPolygon" ? coordinates.EnumerateArray().ToList() : [coordinates];
        return polygons
            .SelectMany(polygon => polygon.EnumerateArray())
            .Select(ring => ring.EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToList())
            .ToList();
    }
}
