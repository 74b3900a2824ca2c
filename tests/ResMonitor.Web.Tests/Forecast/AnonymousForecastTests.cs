using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ResMonitor.Web.Tests;

/// <summary>
/// The forecast API for visitors without an account answers only the kept default run; another run count or seed,
/// which costs seconds each, is for signed-in users (docs/decisions/0015-hardening.md).
/// </summary>
public abstract class AnonymousForecastTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Theory]
    [InlineData("runs=2000", "runs")]
    [InlineData("seed=5", "seed")]
    [InlineData("runs=2000&seed=5", "runs")]
    public async Task An_anonymous_visitor_asking_another_run_count_or_seed_gets_a_Dutch_403_naming_it(string query, string parameter)
    {
        using var response = await Client.GetAsync("/api/v1/regions/drenthe/forecast?" + query);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"Parameter '{parameter}' alleen voor ingelogde gebruikers", problem.GetProperty("title").GetString());
        Assert.Contains("10.000 runs, seed 2030", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("?runs=10000&seed=2030")]
    public async Task An_anonymous_visitor_gets_the_default_forecast_the_same_each_time(string query)
    {
        using var first = JsonDocument.Parse(await Client.GetStringAsync("/api/v1/regions/drenthe/forecast" + query));
        using var other = Factory.CreateClient();
        using var second = JsonDocument.Parse(await other.GetStringAsync("/api/v1/regions/drenthe/forecast"));

        Assert.Equal(10_000, first.RootElement.GetProperty("result").GetProperty("runs").GetInt32());
        Assert.Equal(first.RootElement.GetProperty("result").GetRawText(), second.RootElement.GetProperty("result").GetRawText());
    }

    [Fact]
    public async Task A_signed_in_user_may_ask_another_seed()
    {
        using var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await BeheerSession.SignInAsync(client, Database, "lezer");

        using var response = await client.GetAsync("/api/v1/regions/drenthe/forecast?runs=500&seed=7");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(500, json.RootElement.GetProperty("result").GetProperty("runs").GetInt32());
    }

    [Fact]
    public async Task A_malformed_parameter_is_still_a_400_before_the_account_question()
    {
        using var response = await Client.GetAsync("/api/v1/regions/drenthe/forecast?runs=abc");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class SqliteAnonymousForecastTests(SqliteDatabase database) : AnonymousForecastTests<SqliteDatabase>(database);

public sealed class PostgresAnonymousForecastTests(PostgresDatabase database) : AnonymousForecastTests<PostgresDatabase>(database);
