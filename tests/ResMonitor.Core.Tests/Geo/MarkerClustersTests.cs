using ResMonitor.Core.Energy;
using ResMonitor.Core.Geo;
using ResMonitor.Core.Projects;

namespace ResMonitor.Core.Tests;

public class MarkerClustersTests
{
    /// <summary>Projects spread over Drenthe in a fixed pseudo-random pattern, over four municipalities and three techniques.</summary>
    private static List<MarkerProject> Projects(int count)
    {
        var random = new Random(42);
        var techniques = new[] { Technique.Wind, Technique.SolarOnLand, Technique.SolarOnRoof };
        return Enumerable.Range(0, count)
            .Select(i => new MarkerProject($"P-{i}", $"Project {i}", techniques[i % 3], Phase.Realised,
                52.6 + (random.NextDouble() * 0.5), 6.2 + (random.NextDouble() * 0.8), 1m + (i % 7), $"GM{i % 4}"))
            .ToList();
    }

    [Fact]
    public void Up_to_the_limit_every_project_is_its_own_marker()
    {
        var projects = Projects(500);

        var layout = MarkerClusters.Layout(projects, maxMarkers: 500);

        Assert.False(layout.IsClustered);
        Assert.Equal(projects.Select(p => p.Id), layout.Projects.Select(p => p.Id));
    }

    [Fact]
    public void Above_the_limit_a_region_gets_one_marker_per_municipality_and_the_counts_and_capacity_add_up()
    {
        var projects = Projects(5_000);

        var layout = MarkerClusters.Layout(projects, maxMarkers: 500);

        Assert.True(layout.IsClustered);
        Assert.Empty(layout.Projects);
        Assert.Equal(["GM0", "GM1", "GM2", "GM3"], layout.Clusters.Select(c => c.MunicipalityCode));
        Assert.Equal(5_000, layout.ProjectCount);
        Assert.Equal(projects.Sum(p => p.CapacityMw), layout.Clusters.Sum(c => c.CapacityMw));
        foreach (var cluster in layout.Clusters)
        {
            var members = projects.Where(p => p.MunicipalityCode == cluster.MunicipalityCode).ToList();
            Assert.Equal(members.Count, cluster.Count);
            foreach (var share in cluster.ByTechnique)
            {
                Assert.Equal(members.Count(p => p.Technique == share.Technique), share.Count);
                Assert.Equal(members.Where(p => p.Technique == share.Technique).Sum(p => p.CapacityMw), share.CapacityMw);
            }

            Assert.InRange(cluster.Latitude, members.Min(p => p.Latitude), members.Max(p => p.Latitude));
            Assert.InRange(cluster.Longitude, members.Min(p => p.Longitude), members.Max(p => p.Longitude));
        }
    }

    [Theory]
    [InlineData(501, 500)]
    [InlineData(20_000, 500)]
    [InlineData(3_000, 10)]
    [InlineData(50, 1)]
    public void A_grid_stays_within_the_limit_and_loses_no_project(int count, int maxMarkers)
    {
        var projects = Projects(count);

        var layout = MarkerClusters.Layout(projects, maxMarkers, byMunicipality: false);

        Assert.True(layout.IsClustered);
        Assert.InRange(layout.Clusters.Count, 1, maxMarkers);
        Assert.Equal(count, layout.ProjectCount);
        Assert.Equal(projects.Sum(p => p.CapacityMw), layout.Clusters.Sum(c => c.CapacityMw));
        Assert.Equal(layout.Clusters.Count, layout.Clusters.Select(c => c.Key).Distinct().Count());
        Assert.All(layout.Clusters, c => Assert.Null(c.MunicipalityCode));
    }

    [Fact]
    public void Grid_markers_stand_at_least_the_smallest_cell_apart_so_that_they_do_not_overlap()
    {
        var layout = MarkerClusters.Layout(Projects(5_000), maxMarkers: 500, byMunicipality: false, minCellMetres: 2_000);

        var clusters = layout.Clusters;
        Assert.True(clusters.Count > 1);
        for (var i = 0; i < clusters.Count; i++)
        {
            for (var j = i + 1; j < clusters.Count; j++)
            {
                var dy = (clusters[i].Latitude - clusters[j].Latitude) * 110_574;
                var dx = (clusters[i].Longitude - clusters[j].Longitude) * 110_574 * Math.Cos(52.85 * Math.PI / 180);
                Assert.True(Math.Max(Math.Abs(dx), Math.Abs(dy)) >= 1_999, $"{clusters[i].Key} and {clusters[j].Key} are {dx:0} m, {dy:0} m apart");
            }
        }

        Assert.Equal(5_000, layout.ProjectCount);
    }

    [Fact]
    public void More_municipalities_than_the_limit_fall_back_to_a_grid()
    {
        var projects = Projects(40).Select((p, i) => p with { MunicipalityCode = $"GM{i}" }).ToList();

        var layout = MarkerClusters.Layout(projects, maxMarkers: 20);

        Assert.InRange(layout.Clusters.Count, 1, 20);
        Assert.Equal(40, layout.ProjectCount);
    }

    [Fact]
    public void The_same_projects_in_another_order_give_the_same_markers()
    {
        var projects = Projects(2_000);
        var shuffled = projects.OrderBy(p => p.Name.GetHashCode(StringComparison.Ordinal)).ToList();

        Assert.Equal(
            MarkerClusters.Layout(projects, 100, byMunicipality: false).Clusters.Select(c => (c.Key, c.Count, c.CapacityMw)),
            MarkerClusters.Layout(shuffled, 100, byMunicipality: false).Clusters.Select(c => (c.Key, c.Count, c.CapacityMw)));
    }
}
