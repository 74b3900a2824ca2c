using System.Text.RegularExpressions;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Forecast;
using ResMonitor.Core.Projects;

namespace ResMonitor.Web.Tests;

/// <summary>The 2030 forecast through the API, the pages and the command line, on both databases.</summary>
public abstract class ForecastTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task The_API_returns_the_chance_the_spread_and_the_assumptions_and_the_same_seed_repeats_it()
    {
        // Other runs and seeds than the default are for signed-in users (AnonymousForecastTests).
        using var client = await SignedInClientAsync();
        using var first = JsonDocument.Parse(await client.GetStringAsync("/api/v1/regions/drenthe/forecast?runs=2000&seed=5"));
        using var again = JsonDocument.Parse(await client.GetStringAsync("/api/v1/regions/drenthe/forecast?runs=2000&seed=5"));

        var result = first.RootElement.GetProperty("result");
        Assert.Equal(2030, result.GetProperty("targetYear").GetInt32());
        Assert.Equal(3_450_000, result.GetProperty("targetMwh").GetDouble());
        Assert.Equal(2000, result.GetProperty("runs").GetInt32());
        var spread = result.GetProperty("targetYearMwh");
        Assert.True(spread.GetProperty("p10").GetDouble() <= spread.GetProperty("p50").GetDouble());
        Assert.True(spread.GetProperty("p50").GetDouble() <= spread.GetProperty("p90").GetDouble());
        Assert.InRange(result.GetProperty("probabilityOfReachingTarget").GetDouble(), 0, 1);
        Assert.Equal(12, result.GetProperty("byMunicipality").GetArrayLength());
        Assert.Equal("InProcedure", first.RootElement.GetProperty("assumptions").GetProperty("phases")[1].GetProperty("phase").GetString());
        Assert.Equal(first.RootElement.GetProperty("result").GetRawText(), again.RootElement.GetProperty("result").GetRawText());
    }

    [Fact]
    public async Task The_forecast_counts_exactly_what_is_realised_in_the_register()
    {
        await using var db = Database.CreateContext();
        var realisedProjects = await db.Projects.CountAsync(p => p.Phase == Phase.Realised);

        using var client = await SignedInClientAsync();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/regions/drenthe/forecast?runs=100"));
        using var summary = JsonDocument.Parse(await Client.GetStringAsync("/api/v1/regions/drenthe/summary"));

        Assert.True(realisedProjects > 0);
        Assert.Equal(
            (double)summary.RootElement.GetProperty("total").GetProperty("realisedMwh").GetDecimal(),
            json.RootElement.GetProperty("result").GetProperty("realisedMwh").GetDouble(), 3);
    }

    [Theory]
    [InlineData("runs=abc", "runs")]
    [InlineData("runs=10", "runs")]
    [InlineData("runs=1000000", "runs")]
    [InlineData("seed=-1", "seed")]
    public async Task Malformed_forecast_parameters_get_a_400_that_names_them(string query, string parameter)
    {
        using var response = await Client.GetAsync("/api/v1/regions/drenthe/forecast?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"De parameter '{parameter}'", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_region_has_no_forecast()
    {
        using var response = await Client.GetAsync("/api/v1/regions/atlantis/forecast");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_forecast_page_and_the_home_page_say_it_in_plain_Dutch_with_the_assumptions()
    {
        var page = WebUtility.HtmlDecode(await Client.GetStringAsync("/prognose"));
        var home = WebUtility.HtmlDecode(await Client.GetStringAsync("/"));

        Assert.Contains("Haalt RES regio Drenthe 3,45 TWh in 2030?", page);
        Assert.Contains("De kans dat RES regio Drenthe in 2030 3,45 TWh haalt, is", page);
        Assert.Contains("Aannames per fase, versie ‘standaard-2025’", page);
        Assert.Contains("Een idee of zoekgebied zonder aanvraag", page);
        // For residents one plain sentence; the method and its terms only in the "hoe berekend" section.
        Assert.Matches(new Regex("In 8 van de 10 berekeningen ligt de opbrengst in 2030 tussen \\d+,\\d\\d en \\d+,\\d\\d TWh\\."), page);
        Assert.Contains("De monitor rekent de toekomst 10.000 keer door (een Monte-Carlosimulatie, seed 2030)", page);
        var lead = page[..page.IndexOf("id=\"hoe-berekend\"", StringComparison.Ordinal)];
        Assert.DoesNotContain("P10", lead);
        Assert.DoesNotContain("√", lead);
        Assert.Contains("De kans dat RES regio Drenthe in 2030 3,45 TWh haalt, is", home);
        Assert.Matches(new Regex("In 8 van de 10 berekeningen ligt de opbrengst in 2030 tussen"), home);
        Assert.Contains("href=\"/prognose#hoe-berekend\"", home);
        Assert.Contains("href=\"/prognose\"", home);
    }

    [Fact]
    public async Task The_command_line_prints_the_forecast_and_its_JSON()
    {
        var (code, output, _) = await Database.RunAsync("forecast", "--runs", "1000");
        var (jsonCode, json, _) = await Database.RunAsync("forecast", "--json", "--runs", "1000");
        var (badCode, _, badError) = await Database.RunAsync("forecast", "--runs", "veel");

        Assert.Equal(0, code);
        Assert.Contains("De kans dat RES regio Drenthe in 2030 3,45 TWh haalt, is", output);
        Assert.Contains("Opwek in 2030: P10", output);
        Assert.Contains("1.000 simulaties, seed 2030", output);
        Assert.Equal(0, jsonCode);
        Assert.Equal(1000, JsonDocument.Parse(json).RootElement.GetProperty("result").GetProperty("runs").GetInt32());
        Assert.Equal(2, badCode);
        Assert.Contains("--runs moet een geheel getal", badError);
    }

    [Fact]
    public async Task A_newer_version_of_the_assumptions_takes_over_from_its_start_date()
    {
        await using (var db = Database.CreateContext())
        {
            var optimistic = ForecastAssumptions.Defaults with
            {
                Version = "test-optimistisch",
                ValidFrom = new DateOnly(2026, 1, 1),
                Phases = ForecastAssumptions.Defaults.Phases.Select(p => p.Phase is Phase.Realised or Phase.Withdrawn ? p : p with { RealisationProbability = 1, MinMonths = 0, ModeMonths = 0, MaxMonths = 1 }).ToList(),
            };
            db.ForecastAssumptions.AddRange(ForecastAssumptionRow.From("drenthe", optimistic));
            await db.SaveChangesAsync();
        }

        try
        {
            using var client = await SignedInClientAsync();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/regions/drenthe/forecast?runs=100"));
            var root = json.RootElement;
            Assert.Equal("test-optimistisch", root.GetProperty("assumptions").GetProperty("version").GetString());
            var spread = root.GetProperty("result").GetProperty("targetYearMwh");
            Assert.Equal(spread.GetProperty("p10").GetDouble(), spread.GetProperty("p90").GetDouble(), 3);
        }
        finally
        {
            await using var db = Database.CreateContext();
            await db.ForecastAssumptions.Where(a => a.Version == "test-optimistisch").ExecuteDeleteAsync();
            // Written past the register's own paths: raise its version as every writer must, so the site sees it.
            await Core.Register.RegisterVersionStore.RaiseAsync(db);
        }
    }

    /// <summary>A client signed in as a lezer: the API computes other runs and seeds than the default only for signed-in users.</summary>
    private async Task<HttpClient> SignedInClientAsync()
    {
        var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await BeheerSession.SignInAsync(client, Database, "lezer");
        return client;
    }
}

public sealed class SqliteForecastTests(SqliteDatabase database) : ForecastTests<SqliteDatabase>(database);

public sealed class PostgresForecastTests(PostgresDatabase database) : ForecastTests<PostgresDatabase>(database);
