using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ResMonitor.Web.Features.Map;

/// <summary>An area to draw: a GeoJSON Polygon or MultiPolygon in WGS84.</summary>
public sealed record MapArea(string Key, string Label, string GeometryGeoJson, string Href, int Level, string Description);

/// <summary>A project as a marker; the shape, not only the colour, tells the technique apart (WCAG 1.4.1).</summary>
public sealed record MapPoint(string Key, string Label, double Latitude, double Longitude, string Href, string CssClass, MapShape Shape = MapShape.Circle,
    MapStatus Status = MapStatus.Realised);

/// <summary>Several projects as one marker: a circle whose area grows with the count, the count printed in it.</summary>
public sealed record MapCluster(string Key, string Label, double Latitude, double Longitude, int Count, string CountText, string Href);

/// <summary>A project's status as a marker shows it, besides the colour: filled, a thick ring, or a dashed ring (WCAG 1.4.1).</summary>
public enum MapStatus
{
    /// <summary>Gerealiseerd: a filled shape.</summary>
    Realised,

    /// <summary>Vergund up to under construction: a white shape with a thick outline.</summary>
    Permitted,

    /// <summary>Idea or in procedure: a white shape with a dashed outline.</summary>
    InProcedure,
}

/// <summary>A place name on the map; the place searched for is emphasised and always drawn.</summary>
/// <param name="Major">A city: drawn even where it touches a marker (markers are drawn over names), only not over another name.</param>
public sealed record MapLabel(string Text, double Latitude, double Longitude, bool Emphasis = false, bool Major = false);

/// <summary>The part of the earth a map shows, in WGS84 degrees; without one the map shows its areas whole.</summary>
public sealed record MapFrame(double MinLongitude, double MinLatitude, double MaxLongitude, double MaxLatitude)
{
    /// <summary>A frame centred on a point, so many kilometres to either side and above and below it.</summary>
    public static MapFrame Around(double latitude, double longitude, double halfWidthKm, double halfHeightKm)
    {
        var dLat = halfHeightKm / 110.574;
        var dLon = halfWidthKm / (111.320 * Math.Cos(latitude * Math.PI / 180));
        return new MapFrame(longitude - dLon, latitude - dLat, longitude + dLon, latitude + dLat);
    }

    public bool Contains(double latitude, double longitude) =>
        latitude >= MinLatitude && latitude <= MaxLatitude && longitude >= MinLongitude && longitude <= MaxLongitude;

    /// <summary>The frame's width in metres (at its middle latitude).</summary>
    public double WidthMetres => (MaxLongitude - MinLongitude) * Math.Cos((MinLatitude + MaxLatitude) / 2 * Math.PI / 180) * 111_320;
}

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
        IReadOnlyList<MapArea>? searchAreas = null, bool small = false, IReadOnlyList<MapCluster>? clusters = null,
        MapFrame? frame = null, IReadOnlyList<MapLabel>? labels = null)
    {
        // The municipalities set the frame, unless one is given (a map around a place); search areas and projects lie inside.
        var all = areas.SelectMany(a => Rings(a.GeometryGeoJson)).SelectMany(r => r).ToList();
        if (all.Count == 0)
        {
            return "";
        }

        double minLon = all.Min(p => p.Lon), maxLon = all.Max(p => p.Lon), minLat = all.Min(p => p.Lat), maxLat = all.Max(p => p.Lat);
        if (frame is not null)
        {
            (minLon, maxLon, minLat, maxLat) = (frame.MinLongitude, frame.MaxLongitude, frame.MinLatitude, frame.MaxLatitude);
            points = points.Where(p => frame.Contains(p.Latitude, p.Longitude)).ToList();
            clusters = clusters?.Where(c => frame.Contains(c.Latitude, c.Longitude)).ToList();
        }

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
            // Around a place the areas reach far beyond the frame: as links they would be cut off, yet still be
            // targets where the reader cannot see them; the page links them elsewhere.
            svg.Append(frame is null
                ? $"<a href=\"{Encode(area.Href)}\" tabindex=\"0\" aria-label=\"{label}\"><path class=\"{cssClass}\" d=\"{d}\"><title>{label}</title></path></a>"
                : $"<path class=\"{cssClass}\" d=\"{d}\"><title>{label}</title></path>");
        }

        var markerBoxes = points.Select(p => Project(p.Longitude, p.Latitude)).Select(c => new Box(c.X - MarkerRadius, c.Y - MarkerRadius, c.X + MarkerRadius, c.Y + MarkerRadius))
            .Concat((clusters ?? []).Select(c => Project(c.Longitude, c.Latitude)).Select(c => new Box(c.X - (MarkerSpacing / 2), c.Y - (MarkerSpacing / 2), c.X + (MarkerSpacing / 2), c.Y + (MarkerSpacing / 2))))
            .ToList();
        foreach (var point in points)
        {
            var (x, y) = Project(point.Longitude, point.Latitude);
            var tooltip = $"<title>{Encode(point.Label)}</title>";
            var css = $"rm-map__point rm-map__point--{StatusKey(point.Status)} {point.CssClass}";
            // Each shape's box is the full marker size (the link's target), whatever the shape.
            const double r = MarkerRadius;
            var shape = point.Shape switch
            {
                MapShape.Square => FormattableString.Invariant($"<rect class=\"{css}\" x=\"{F(x - r)}\" y=\"{F(y - r)}\" width=\"{F(r * 2)}\" height=\"{F(r * 2)}\">{tooltip}</rect>"),
                MapShape.Diamond => FormattableString.Invariant($"<path class=\"{css}\" d=\"M{F(x)} {F(y - r)}L{F(x + r)} {F(y)}L{F(x)} {F(y + r)}L{F(x - r)} {F(y)}Z\">{tooltip}</path>"),
                _ => FormattableString.Invariant($"<circle class=\"{css}\" cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"{F(r)}\">{tooltip}</circle>"),
            };
            svg.Append(CultureInfo.InvariantCulture, $"<a href=\"{Encode(point.Href)}\" tabindex=\"0\" aria-label=\"{Encode(point.Label)}\"><g class=\"rm-map__marker\">{shape}</g></a>");
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

        // Names last, so that a city's name stays readable where a marker touches it; they take no clicks (site.css).
        AppendLabels(svg, labels ?? [], markerBoxes, height, (lon, lat) => Project(lon, lat));
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

    /// <summary>
    /// Half a project marker's size in map units: 44 units wide, which is 24 CSS pixels (WCAG 2.2 target size) when the
    /// 608 units of the map fill a 343 px wide column on a 375 px phone; wider screens scale markers down in site.css.
    /// </summary>
    public const double MarkerRadius = 22;

    /// <summary>The font size of a place name in map units (site.css sets the same, smaller on wide screens).</summary>
    public const double LabelSize = 20;

    /// <summary>The key of a status in class names and the legend.</summary>
    public static string StatusKey(MapStatus status) => status switch
    {
        MapStatus.Realised => "gerealiseerd",
        MapStatus.Permitted => "vergund",
        _ => "in-procedure",
    };

    /// <summary>What a marker shows of a project's phase: realised, permitted (up to under construction), or idea and in procedure.</summary>
    public static MapStatus StatusOf(Core.Projects.Phase phase) => phase switch
    {
        Core.Projects.Phase.Realised => MapStatus.Realised,
        Core.Projects.Phase.Idea or Core.Projects.Phase.InProcedure or Core.Projects.Phase.Withdrawn => MapStatus.InProcedure,
        _ => MapStatus.Permitted,
    };

    private readonly record struct Box(double X1, double Y1, double X2, double Y2)
    {
        public bool Overlaps(Box other) => X1 < other.X2 && other.X1 < X2 && Y1 < other.Y2 && other.Y1 < Y2;
    }

    /// <summary>
    /// Draws place names greedily (hand-written, see docs/decisions/0019): the emphasised place first, then by the
    /// order given (largest first); each name tries right, left, above and below its dot and is left out when every
    /// position would cover a marker, another name or the map's edge.
    /// </summary>
    private static void AppendLabels(StringBuilder svg, IReadOnlyList<MapLabel> labels, List<Box> markers, double height, Func<double, double, (double X, double Y)> project)
    {
        if (labels.Count == 0)
        {
            return;
        }

        var placed = new List<Box>();
        var frame = new Box(-4, -4, Width + 4, height + 4);
        svg.Append("<g class=\"rm-map__places\" aria-hidden=\"true\">");
        foreach (var label in labels.OrderByDescending(l => l.Emphasis))
        {
            var (x, y) = project(label.Longitude, label.Latitude);
            if (x < 0 || x > Width || y < 0 || y > height)
            {
                continue;
            }

            var w = label.Text.Length * LabelSize * (label.Emphasis ? 0.7 : 0.64);
            var h = LabelSize;
            (double X, double Y, string Anchor, Box Box)[] options =
            [
                (x + 7, y + (h / 3), "start", new Box(x + 5, y - (h / 2), x + 7 + w, y + (h / 2))),
                (x - 7, y + (h / 3), "end", new Box(x - 7 - w, y - (h / 2), x - 5, y + (h / 2))),
                (x, y - 8, "middle", new Box(x - (w / 2), y - 8 - h, x + (w / 2), y - 6)),
                (x, y + 6 + h, "middle", new Box(x - (w / 2), y + 6, x + (w / 2), y + 8 + h)),
            ];
            var fits = options.Where(o => label.Emphasis || (o.Box.X1 >= frame.X1 && o.Box.X2 <= frame.X2 && o.Box.Y1 >= frame.Y1 && o.Box.Y2 <= frame.Y2
                && (label.Major || !markers.Any(m => m.Overlaps(o.Box))) && !placed.Any(p => p.Overlaps(o.Box)))).ToList();
            if (fits.Count == 0)
            {
                continue;
            }

            // The emphasised name takes the first position inside the map, over markers if it must.
            var (tx, ty, anchor, box) = fits.FirstOrDefault(o => o.Box.X1 >= frame.X1 && o.Box.X2 <= frame.X2 && o.Box.Y1 >= frame.Y1 && o.Box.Y2 <= frame.Y2 && !markers.Any(m => m.Overlaps(o.Box)),
                fits.FirstOrDefault(o => o.Box.X1 >= frame.X1 && o.Box.X2 <= frame.X2, fits[0]));
            placed.Add(box);
            svg.Append(CultureInfo.InvariantCulture,
                $"<circle class=\"rm-map__place-dot\" cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"{(label.Emphasis ? 6 : 4)}\"></circle><text class=\"rm-map__place{(label.Emphasis ? " rm-map__place--found" : "")}\" x=\"{F(tx)}\" y=\"{F(ty)}\" text-anchor=\"{anchor}\">{Encode(label.Text)}</text>");
        }

        svg.Append("</g>");
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
