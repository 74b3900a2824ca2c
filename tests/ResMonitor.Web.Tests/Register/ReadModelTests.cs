using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Energy;
using ResMonitor.Core.History;
using ResMonitor.Core.Regions;
using ResMonitor.Core.Register;

namespace ResMonitor.Web.Tests.Register;

/// <summary>
/// The read model gives exactly the figures the separate "today" queries gave before it replaced them: the values in
/// golden-figures-2026-12-01.json were computed by the old OverviewService and TrendService on the example data with
/// the clock on 1 December 2026 (overview, trend points, and every municipality's line asked for on its own).
/// </summary>
public abstract class ReadModelTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static readonly DateOnly ReferenceDay = new(2026, 12, 1);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public async Task Todays_overview_trend_and_municipality_lines_are_those_the_old_queries_gave()
    {
        await using var db = database.CreateContext();
        var state = await RegisterAsOf.LoadTodayAsync(db, ReferenceDay, TimeZoneInfo.Utc);

        var overview = RegisterFigures.Overview(state, "drenthe")!;
        var trend = RegisterFigures.Trend(state, "drenthe");
        var municipalities = state.MunicipalitiesOf("drenthe")
            .Select(m => RegisterFigures.Overview(state, "drenthe", m.Id)!.ByMunicipality.Single())
            .OrderBy(m => m.Key)
            .ToList();
        var json = JsonSerializer.Serialize(new
        {
            overview.Total, overview.ByTechnique, overview.ByMunicipality, overview.ExampleProjectCount, Trend = trend, Municipalities = municipalities,
        }, Indented);

        var expected = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Register", "golden-figures-2026-12-01.json"));
        var differences = new List<string>();
        Compare(JsonDocument.Parse(expected).RootElement, JsonDocument.Parse(json).RootElement, "$", differences);
        Assert.Empty(differences);
        Assert.Equal(3_450_000m, overview.Total.TargetMwh);
    }

    [Fact]
    public async Task The_state_of_today_built_by_replay_equals_the_state_read_from_the_tables()
    {
        await using var db = database.CreateContext();
        var today = ReferenceDay;
        var replayed = await RegisterAsOf.LoadAsync(db, today, TimeZoneInfo.Utc);
        var read = await RegisterAsOf.LoadTodayAsync(db, today, TimeZoneInfo.Utc);

        Assert.Equal(Describe(replayed), Describe(read));
        Assert.Equal(JsonSerializer.Serialize(RegisterFigures.Summary(replayed, "drenthe")), JsonSerializer.Serialize(RegisterFigures.Summary(read, "drenthe")));
        Assert.Equal(JsonSerializer.Serialize(RegisterFigures.Trend(replayed, "drenthe")), JsonSerializer.Serialize(RegisterFigures.Trend(read, "drenthe")));

        // The stored phase of each project is the phase its dated history gives for today.
        var stored = await db.Projects.AsNoTracking().ToDictionaryAsync(p => p.Id, p => (p.Phase, p.PhaseDate));
        Assert.NotEmpty(stored);
        foreach (var project in read.Projects)
        {
            Assert.Equal((project.Id, stored[project.Id]), (project.Id, (project.Phase, project.PhaseDate)));
        }
    }

    /// <summary>Every place where the two documents differ; numbers compare by value (3450000 equals 3450000.000).</summary>
    private static void Compare(JsonElement expected, JsonElement actual, string path, List<string> differences)
    {
        if (expected.ValueKind == JsonValueKind.Number && actual.ValueKind == JsonValueKind.Number)
        {
            if (expected.GetDecimal() != actual.GetDecimal())
            {
                differences.Add($"{path}: {expected} != {actual}");
            }

            return;
        }

        if (expected.ValueKind != actual.ValueKind)
        {
            differences.Add($"{path}: {expected.ValueKind} != {actual.ValueKind}");
            return;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var names = expected.EnumerateObject().Select(p => p.Name).Union(actual.EnumerateObject().Select(p => p.Name));
                foreach (var name in names)
                {
                    if (!expected.TryGetProperty(name, out var e) || !actual.TryGetProperty(name, out var a))
                    {
                        differences.Add($"{path}.{name}: missing on one side");
                        continue;
                    }

                    Compare(e, a, $"{path}.{name}", differences);
                }

                break;
            case JsonValueKind.Array:
                if (expected.GetArrayLength() != actual.GetArrayLength())
                {
                    differences.Add($"{path}: {expected.GetArrayLength()} items != {actual.GetArrayLength()}");
                    return;
                }

                for (var i = 0; i < expected.GetArrayLength(); i++)
                {
                    Compare(expected[i], actual[i], $"{path}[{i}]", differences);
                }

                break;
            default:
                if (expected.ToString() != actual.ToString())
                {
                    differences.Add($"{path}: {expected} != {actual}");
                }

                break;
        }
    }

    private static List<string> Describe(RegisterState state) =>
        state.Projects.Select(p => $"{p.Id}|{p.Name}|{p.RegionId}|{p.MunicipalityId}|{p.Technique}|{p.CapacityMw}|{p.Phase}|{p.PhaseDate}|{p.MeasuredYieldMwh}|{p.SourceDate}|" +
                string.Join(",", p.PhaseHistory.Select(h => $"{h.Id}:{h.Phase}:{h.Date}")) + "|" + string.Join(",", p.Permits.Select(x => $"{x.Id}:{x.CaseNumber}")))
            .Concat(state.Organisations.OrderBy(o => o.Id).Select(o => $"{o.Id}|{o.Name}|{o.Kind}|{o.Population}"))
            .Concat(state.Targets.OrderBy(t => t.Id).Select(t => $"{t.Id}|{t.Year}|{t.Technique}|{t.ValueMwh}"))
            .Concat(state.FullLoadHours.OrderBy(h => h.Id).Select(h => $"{h.Id}|{h.Technique}|{h.Hours}|{h.ValidFrom}"))
            .Concat(state.PlanFailures.OrderBy(f => f.Id).Select(f => $"{f.Id}|{f.ProjectId}|{f.Date}"))
            .ToList();
}

public sealed class SqliteReadModelTests(SqliteDatabase database) : ReadModelTests<SqliteDatabase>(database);

public sealed class PostgresReadModelTests(PostgresDatabase database) : ReadModelTests<PostgresDatabase>(database);
