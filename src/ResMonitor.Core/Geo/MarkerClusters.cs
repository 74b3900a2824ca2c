using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;

namespace ResMonitor.Core.Geo;

/// <summary>A located project as the map needs it.</summary>
public sealed record MarkerProject(
    string Id, string Name, Technique Technique, Phase Phase, double Latitude, double Longitude, decimal CapacityMw, string MunicipalityCode);

/// <summary>The projects of one technique inside a cluster.</summary>
public sealed record TechniqueShare(Technique Technique, int Count, decimal CapacityMw);

/// <summary>
/// Several projects drawn as one marker: their municipality (<see cref="MunicipalityCode"/> set) or one cell of a grid,
/// at the mean position of its projects, with the number and capacity per technique.
/// </summary>
public sealed record MarkerCluster(string Key, string? MunicipalityCode, double Latitude, double Longitude, IReadOnlyList<TechniqueShare> ByTechnique)
{
    public int Count => ByTechnique.Sum(t => t.Count);

    public decimal CapacityMw => ByTechnique.Sum(t => t.CapacityMw);
}

/// <summary>What the map draws: one marker per project, or clusters; never both.</summary>
public sealed record MarkerLayout(IReadOnlyList<MarkerProject> Projects, IReadOnlyList<MarkerCluster> Clusters)
{
    public bool IsClustered => Clusters.Count > 0;

    /// <summary>The number of projects behind the markers.</summary>
    public int ProjectCount => IsClustered ? Clusters.Sum(c => c.Count) : Projects.Count;
}

/// <summary>
/// Keeps a map's size bounded at any register size: up to <c>maxMarkers</c> projects are drawn one by one, more are
/// aggregated on the server, per municipality for a whole region and in a square grid when one municipality alone has
/// too many. Pure: the same projects give the same markers, and every project is in exactly one marker.
/// </summary>
public static class MarkerClusters
{
    /// <summary>The default number of markers a map draws before it aggregates.</summary>
    public const int MaxMarkers = 500;

    private const double MetresPerDegreeLatitude = 110_574;

    /// <param name="byMunicipality">Aggregate per municipality (the region's map) rather than in a grid (one municipality).</param>
    /// <param name="minCellMetres">The smallest grid cell, so that markers drawn at the cells' centres do not overlap on the map.</param>
    public static MarkerLayout Layout(IReadOnlyList<MarkerProject> projects, int maxMarkers = MaxMarkers, bool byMunicipality = true, double minCellMetres = 250)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMarkers, 1);
        if (projects.Count <= maxMarkers)
        {
            return new MarkerLayout(projects, []);
        }

        if (byMunicipality)
        {
            var perMunicipality = ByMunicipality(projects);
            if (perMunicipality.Count <= maxMarkers)
            {
                return new MarkerLayout([], perMunicipality);
            }
        }

        return new MarkerLayout([], ByGrid(projects, maxMarkers, minCellMetres));
    }

    /// <summary>One cluster per municipality.</summary>
    public static IReadOnlyList<MarkerCluster> ByMunicipality(IReadOnlyList<MarkerProject> projects) =>
        projects.GroupBy(p => p.MunicipalityCode, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Cluster(g.Key, g.Key, g.ToList()))
            .ToList();

    /// <summary>
    /// Square cells in metres on a local projection (longitude scaled by the cosine of the middle latitude); the cell
    /// starts at <paramref name="minCellMetres"/> and doubles until there are at most <paramref name="maxMarkers"/>
    /// occupied cells. A cell's marker stands at the cell's centre, so that markers keep a cell's distance apart.
    /// </summary>
    public static IReadOnlyList<MarkerCluster> ByGrid(IReadOnlyList<MarkerProject> projects, int maxMarkers = MaxMarkers, double minCellMetres = 250)
    {
        if (projects.Count == 0)
        {
            return [];
        }

        var middle = (projects.Min(p => p.Latitude) + projects.Max(p => p.Latitude)) / 2;
        var metresPerDegreeLongitude = MetresPerDegreeLatitude * Math.Cos(middle * Math.PI / 180);
        for (var cell = Math.Max(1, minCellMetres); ; cell *= 2)
        {
            var groups = projects
                .GroupBy(p => ((long)Math.Floor(p.Longitude * metresPerDegreeLongitude / cell), (long)Math.Floor(p.Latitude * MetresPerDegreeLatitude / cell)))
                .ToList();
            if (groups.Count <= maxMarkers)
            {
                return groups
                    .OrderBy(g => g.Key.Item2).ThenBy(g => g.Key.Item1)
                    .Select(g => Cluster(FormattableString.Invariant($"{cell:0}m-{g.Key.Item1}-{g.Key.Item2}"), null, g.ToList()) with
                    {
                        Latitude = (g.Key.Item2 + 0.5) * cell / MetresPerDegreeLatitude,
                        Longitude = (g.Key.Item1 + 0.5) * cell / metresPerDegreeLongitude,
                    })
                    .ToList();
            }
        }
    }

    private static MarkerCluster Cluster(string key, string? municipalityCode, List<MarkerProject> members) =>
        new(key, municipalityCode, members.Average(p => p.Latitude), members.Average(p => p.Longitude),
            members.GroupBy(p => p.Technique)
                .OrderBy(g => g.Key)
                .Select(g => new TechniqueShare(g.Key, g.Count(), g.Sum(p => p.CapacityMw)))
                .ToList());
}
