using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;

namespace ResMonitor.Web.Tests;

/// <summary>Each chart and a page that draws it.</summary>
public static class ChartPages
{
    public static TheoryData<string, string> ChartsAndTheirPages => new()
    {
        { "trend", "/" },
        { "opwek-per-techniek", "/indicatoren/opwek" },
        { "opwek-per-gemeente", "/indicatoren/opwek" },
        { "lokaal-eigendom", "/indicatoren/participatie" },
        { "fasen", "/indicatoren/vergunningen" },
        { "vergunningen-2025", "/indicatoren/vergunningen" },
        { "bevoegd-gezag", "/indicatoren/vergunningen" },
    };
}

/// <summary>The indicator pages, their charts and the CSV downloads, over HTTP, on SQLite and on PostgreSQL.</summary>
public abstract partial class IndicatorTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");


    [Fact]
    public async Task The_overview_lists_the_six_groups_in_the_words_of_the_RES_note_with_a_link_each()
    {
        var html = await Client.GetStringAsync("/indicatoren");

        string[] groups =
        [
            "De opwek door windenergie en grootschalige zonne-energie",
            "De procesparticipatie, financiële participatie en lokaal eigendom",
            "De procesvoortgang in ruimtelijke planvorming (ook op omgevingsvergunningen)",
            "Borging van ruimtelijke afspraken in Omgevingsvisie en -plannen richting 2025",
            "Realisatie van energie-infrastructuur richting 2030",
            "Beschikbaarheid en inzet van regionale warmtebronnen",
        ];
        Assert.All(groups, g => Assert.Contains(g, WebUtility.HtmlDecode(html)));
        foreach (var slug in new[] { "opwek", "participatie", "vergunningen", "ruimtelijke-inbedding", "energie-infrastructuur", "warmte" })
        {
            Assert.Contains($"href=\"/indicatoren/{slug}\"", html);
            using var page = await Client.GetAsync($"/indicatoren/{slug}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        Assert.Equal(3, Regex.Count(html, "<strong>Nog geen gegevens.</strong>"));
    }

    [Fact]
    public async Task The_generation_page_shows_the_realised_capacity_of_every_municipality_in_the_register()
    {
        await using var db = Database.CreateContext();
        var municipalities = await db.Organisations.Where(o => o.Kind == OrganisationKind.Municipality).ToListAsync();
        var realised = (await db.Projects.Where(p => p.Phase == Phase.Realised).Select(p => new { p.MunicipalityId, p.CapacityMw }).ToListAsync())
            .GroupBy(p => p.MunicipalityId).ToDictionary(g => g.Key, g => g.Sum(p => p.CapacityMw));

        var table = Table(await Client.GetStringAsync("/indicatoren/opwek"), "opwek-per-gemeente");

        var column = Array.IndexOf(table[0], "Gerealiseerd (MW)");
        Assert.True(column > 0);
        Assert.Equal(municipalities.Count, table.Count - 1);
        foreach (var m in municipalities)
        {
            var row = table.Single(r => r[0] == m.Name);
            Assert.Equal(realised.GetValueOrDefault(m.Id).ToString("N1", Dutch), row[column]);
        }

        Assert.Contains(realised.Values, v => v > 0);
    }

    [Fact]
    public async Task The_participation_page_counts_the_new_projects_at_or_above_fifty_percent_local_ownership()
    {
        await using var db = Database.CreateContext();
        var agreement = new DateOnly(2021, 7, 1);
        var projects = await db.Projects.Include(p => p.PhaseHistory).Where(p => p.Phase != Phase.Withdrawn).ToListAsync();
        var newProjects = projects
            .Where(p => p.PhaseHistory.Where(h => h.Phase is not (Phase.Idea or Phase.Withdrawn)).Select(h => (DateOnly?)h.Date).Min() is not { } start || start >= agreement)
            .ToList();
        var known = newProjects.Count(p => p.LocalOwnershipPercent is not null);
        var meeting = newProjects.Count(p => p.LocalOwnershipPercent >= 50m);
        Assert.True(meeting > 0, "the example data should hold new projects at 50% or more");

        var html = await Client.GetStringAsync("/indicatoren/participatie");

        Assert.Contains($"Van de <strong>{known}</strong> nieuwe projecten waarvan het aandeel lokaal eigendom bekend is, halen er <strong>{meeting}</strong> het streven van 50% of meer.", html);
        Assert.Contains("1 juli 2021", html);
        var chart = Table(html, "lokaal-eigendom");
        Assert.Equal(meeting.ToString(Dutch), chart.Single(r => r[0] == "50% of meer")[1]);
        Assert.Equal(newProjects.Count, chart.Skip(1).Sum(r => int.Parse(r[1], Dutch)));
        foreach (var p in newProjects)
        {
            Assert.Contains($"href=\"/projecten/{p.Id}\"", html);
        }

        Assert.Contains("Procesparticipatie en financiële participatie", WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task The_permit_page_splits_granted_permits_at_1_January_2025_and_per_phase()
    {
        await using var db = Database.CreateContext();
        var projects = await db.Projects.Include(p => p.Permits).ToListAsync();
        var deadline = new DateOnly(2025, 1, 1);
        var before = projects.Where(p => p.Permits.Any(x => x.GrantedOn < deadline)).ToList();
        Assert.NotEmpty(before);

        var html = await Client.GetStringAsync("/indicatoren/vergunningen");

        var permits = Table(html, "vergunningen-2025");
        var row = permits.Single(r => r[0] == "Verleend vóór 2025");
        Assert.Equal(before.Count.ToString(Dutch), row[1]);
        Assert.Equal(before.Sum(p => p.CapacityMw).ToString("N1", Dutch), row[2]);
        var phases = Table(html, "fasen");
        Assert.Equal(projects.Count(p => p.Phase == Phase.Realised).ToString(Dutch), phases.Single(r => r[0] == "gerealiseerd")[1]);
        Assert.Equal(projects.Count, phases.Skip(1).Sum(r => int.Parse(r[1], Dutch)));
        var authorities = Table(html, "bevoegd-gezag");
        Assert.Equal(projects.Count(p => p.Permits.Count > 0), authorities.Skip(1).Sum(r => int.Parse(r[1], Dutch)));
    }

    [Fact]
    public async Task The_permit_indicator_counts_every_project_in_procedure_not_only_those_with_a_recorded_application()
    {
        await using var db = Database.CreateContext();
        var projects = await db.Projects.Include(p => p.Permits).ToListAsync();
        var inProcedure = projects.Count(p => p.Phase == Phase.InProcedure);
        var applied = projects.Count(p => p.Permits.Count > 0 && p.Permits.All(x => x.GrantedOn is null));
        Assert.True(inProcedure > applied, "the example data has projects in procedure without a recorded application");

        var list = WebUtility.HtmlDecode(await Client.GetStringAsync("/indicatoren"));
        Assert.Contains($"{inProcedure} projecten zijn in procedure (van {applied} is de vergunningaanvraag vastgelegd)", list);
        var page = WebUtility.HtmlDecode(await Client.GetStringAsync("/indicatoren/vergunningen"));
        Assert.Contains($"{inProcedure} projecten (", page);
        Assert.Contains(") zijn in procedure; van ", page);
    }

    [Fact]
    public async Task The_pages_without_data_say_so_and_name_the_organisations_that_supply_it()
    {
        await using var db = Database.CreateContext();
        var organisations = await db.Organisations.ToListAsync();

        var spatial = WebUtility.HtmlDecode(await Client.GetStringAsync("/indicatoren/ruimtelijke-inbedding"));
        var grid = WebUtility.HtmlDecode(await Client.GetStringAsync("/indicatoren/energie-infrastructuur"));
        var heat = WebUtility.HtmlDecode(await Client.GetStringAsync("/indicatoren/warmte"));

        Assert.All([spatial, grid, heat], html => Assert.Contains("Nog geen gegevens.", html));
        Assert.All(organisations.Where(o => o.Kind is OrganisationKind.Municipality or OrganisationKind.Province or OrganisationKind.WaterBoard),
            o => Assert.Contains(o.Name, spatial));
        var operators = organisations.Where(o => o.Kind == OrganisationKind.GridOperator).ToList();
        Assert.NotEmpty(operators);
        Assert.All(operators, o => Assert.Contains(o.Name, grid));
        Assert.All(organisations.Where(o => o.Kind is OrganisationKind.Municipality or OrganisationKind.Province), o => Assert.Contains(o.Name, heat));
        Assert.DoesNotContain(operators, o => heat.Contains(o.Name, StringComparison.Ordinal));
        Assert.Contains("7,03 TWh", heat);
    }

    [Theory]
    [MemberData(nameof(ChartPages.ChartsAndTheirPages), MemberType = typeof(ChartPages))]
    public async Task Every_chart_has_a_title_and_description_a_table_and_a_CSV_that_equals_the_table(string name, string path)
    {
        var html = await Client.GetStringAsync(path);

        var svg = Regex.Match(html, $"<svg [^>]*aria-labelledby=\"grafiek-{name}-title grafiek-{name}-desc\"[^>]*>(.*?)</svg>", RegexOptions.Singleline);
        Assert.True(svg.Success, $"no labelled chart {name} on {path}");
        Assert.Contains("role=\"img\"", svg.Value);
        Assert.DoesNotContain("style=", svg.Value);
        Assert.Matches($"<title id=\"grafiek-{name}-title\">[^<]{{10,}}</title>", svg.Value);
        Assert.Matches($"<desc id=\"grafiek-{name}-desc\">[^<]{{20,}}</desc>", svg.Value);
        Assert.Contains($"href=\"/grafieken/{name}.csv\"", html);

        var table = Table(html, name);
        using var response = await Client.GetAsync($"/grafieken/{name}.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var csv = Csv(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF'));

        Assert.Equal(table.Count, csv.Count);
        Assert.Equal(table[0], csv[0]);
        for (var r = 1; r < table.Count; r++)
        {
            Assert.Equal(table[r][0], csv[r][0]);
            Assert.Equal(table[r].Length, csv[r].Length);
            for (var c = 1; c < table[r].Length; c++)
            {
                Assert.Equal(decimal.Parse(table[r][c], NumberStyles.Number, Dutch), decimal.Parse(csv[r][c], NumberStyles.Number, CultureInfo.InvariantCulture));
            }
        }
    }

    [Fact]
    public async Task The_home_page_shows_the_trend_up_to_this_year_ending_at_the_overview_and_the_2030_target()
    {
        var html = await Client.GetStringAsync("/");
        using var summary = System.Text.Json.JsonDocument.Parse(await Client.GetStringAsync("/api/v1/regions/drenthe/summary"));
        var total = summary.RootElement.GetProperty("total");
        await using var db = Database.CreateContext();
        var firstYear = (await db.PhaseChanges.Select(c => c.Date).ToListAsync()).Min().Year;

        Assert.Contains("<h2 id=\"trend\" class=\"utrecht-heading-2\">Door de jaren heen</h2>", html);
        Assert.Contains("Doel 2030: 3,45 TWh", html);
        Assert.True(html.IndexOf("id=\"per-techniek\"", StringComparison.Ordinal) < html.IndexOf("id=\"trend\"", StringComparison.Ordinal));
        var table = Table(html, "trend");
        Assert.Equal(firstYear.ToString(CultureInfo.InvariantCulture), table[1][0]);
        Assert.Equal(TestClock.Today.Year.ToString(CultureInfo.InvariantCulture), table[^1][0]);
        Assert.Equal((total.GetProperty("realisedMwh").GetDecimal() / 1000m).ToString("N1", Dutch), table[^1][1]);
        Assert.Equal((total.GetProperty("pipelineMwh").GetDecimal() / 1000m).ToString("N1", Dutch), table[^1][2]);
        Assert.Matches("Peildatum: \\d{1,2} [a-z]+ \\d{4}", html);
    }

    [Fact]
    public async Task An_unknown_chart_gives_a_Dutch_problem_description()
    {
        using var response = await Client.GetAsync("/grafieken/bestaat-niet.csv");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Er is geen grafiek met de naam 'bestaat-niet'.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_pages_and_the_CSV_speak_English_on_request()
    {
        var html = await Client.GetStringAsync("/indicatoren/opwek?lang=en");
        var csv = await Client.GetStringAsync("/grafieken/opwek-per-techniek.csv?lang=en");

        Assert.Contains("Generation by wind energy and large-scale solar energy", html);
        Assert.Contains("href=\"/grafieken/opwek-per-techniek.csv?lang=en\"", html);
        Assert.Contains("Technique,Realised (GWh a year)", csv);
        Assert.Contains("solar on land", csv);
    }

    /// <summary>The rows of a chart's data table (header row first), as the reader sees the cells.</summary>
    private static List<string[]> Table(string html, string name)
    {
        var table = Regex.Match(html, $"<caption id=\"grafiek-{name}-tabel\".*?</table>", RegexOptions.Singleline);
        Assert.True(table.Success, $"no table for chart {name}");
        return RowPattern().Matches(table.Value)
            .Select(row => CellPattern().Matches(row.Value)
                .Select(cell => WebUtility.HtmlDecode(TagPattern().Replace(cell.Groups[1].Value, "")).Trim())
                .ToArray())
            .ToList();
    }

    private static List<string[]> Csv(string text)
    {
        var rows = new List<string[]>();
        foreach (var line in text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var cells = new List<string>();
            var cell = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = !quoted;
                }
                else if (c == ',' && !quoted)
                {
                    cells.Add(cell.ToString());
                    cell.Clear();
                }
                else
                {
                    cell.Append(c);
                }
            }

            cells.Add(cell.ToString());
            rows.Add([.. cells]);
        }

        return rows;
    }

    [GeneratedRegex("<tr[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}

public sealed class SqliteIndicatorTests(SqliteDatabase database) : IndicatorTests<SqliteDatabase>(database);

public sealed class PostgresIndicatorTests(PostgresDatabase database) : IndicatorTests<PostgresDatabase>(database);
