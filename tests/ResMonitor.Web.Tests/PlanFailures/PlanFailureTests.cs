using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Projects;

namespace ResMonitor.Web.Tests;

/// <summary>Plan failure recorded from the command line, and its effect on the overview, the forecast and the project page.</summary>
public abstract class PlanFailureTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task A_failed_plan_leaves_the_pipeline_stays_in_the_history_and_lowers_the_forecast()
    {
        await using var db = Database.CreateContext();
        var project = await db.Projects.Where(p => p.Phase == Phase.Irrevocable).OrderBy(p => p.Id).FirstAsync();
        var before = await Summary();
        var forecastBefore = await ExpectedForecast();

        var (code, output, error) = await Database.RunAsync("plan-failure", "add", "--project", project.Id, "--kind", "geen", "--date", "2025-06-01",
            "--reason", "netcapaciteit", "--explanation", "Geen aansluiting mogelijk vóór 2032");
        Assert.True(code == 0, error);
        Assert.Contains($"Planuitval vastgelegd voor {project.Id}", output);

        var after = await Summary();
        var failed = after.GetProperty("total").GetProperty("failedMwh").GetDecimal();
        Assert.True(failed > 0);
        Assert.Equal(before.GetProperty("total").GetProperty("pipelineMwh").GetDecimal() - failed, after.GetProperty("total").GetProperty("pipelineMwh").GetDecimal());
        Assert.True(await ExpectedForecast() < forecastBefore);

        var municipality = await db.Organisations.SingleAsync(o => o.Id == project.MunicipalityId);
        var line = after.GetProperty("byMunicipality").EnumerateArray().Single(l => l.GetProperty("key").GetString() == municipality.Code);
        var municipalityPage = WebUtility.HtmlDecode(await Client.GetStringAsync($"/gemeenten/{Core.Slug.From(municipality.Name)}"));
        Assert.Contains($"Nog eens {Core.DutchFormat.Number(line.GetProperty("pipelineMwh").GetDecimal() / 1000m, 1)} GWh", municipalityPage);

        var page = WebUtility.HtmlDecode(await Client.GetStringAsync($"/projecten/{project.Id}"));
        Assert.Contains("Planuitval", page);
        Assert.Contains("geen realisatie", page);
        Assert.Contains("Reden: netcapaciteit. Geen aansluiting mogelijk vóór 2032", page);
        Assert.Contains("1 juni 2025", page);
    }

    [Fact]
    public async Task A_plan_failure_on_a_realised_project_without_a_reason_is_refused_and_nothing_is_stored()
    {
        await using var db = Database.CreateContext();
        var project = await db.Projects.Where(p => p.Phase == Phase.Realised).OrderBy(p => p.Id).FirstAsync();
        var count = await db.PlanFailures.CountAsync();

        var (code, _, error) = await Database.RunAsync("plan-failure", "add", "--project", project.Id, "--kind", "gedeeltelijk", "--percent", "60",
            "--date", "2025-06-01", "--reason", "anders");

        Assert.Equal(1, code);
        Assert.Contains("toelichting: Een gerealiseerd project kan alleen uitvallen met een reden", error);
        Assert.Equal(count, await db.PlanFailures.CountAsync());
    }

    [Theory]
    [InlineData("--kind", "half")]
    [InlineData("--date", "1 juni")]
    [InlineData("--reason", "weer")]
    public async Task Bad_plan_failure_input_is_bad_usage(string option, string value)
    {
        string[] args = ["plan-failure", "add", "--project", "VB-001", "--kind", "geen", "--date", "2025-06-01", "--reason", "draagvlak", "--explanation", "x"];
        var index = Array.IndexOf(args, option);
        args[index + 1] = value;

        var (code, _, error) = await Database.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains(option, error);
    }

    private async Task<JsonElement> Summary()
    {
        using var json = JsonDocument.Parse(await Client.GetStringAsync("/api/v1/regions/drenthe/summary"));
        return json.RootElement.Clone();
    }

    private async Task<double> ExpectedForecast()
    {
        using var json = JsonDocument.Parse(await (await SignedInGetAsync("/api/v1/regions/drenthe/forecast?runs=100")).EnsureSuccessStatusCode().Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("result").GetProperty("targetYearMwh").GetProperty("expected").GetDouble();
    }

    /// <summary>GET as a signed-in lezer: other run counts than the default are for signed-in users only.</summary>
    private async Task<HttpResponseMessage> SignedInGetAsync(string path)
    {
        using var reader = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await BeheerSession.SignInAsync(reader, Database, "lezer");
        var response = await reader.GetAsync(path);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}

public sealed class SqlitePlanFailureTests(SqliteDatabase database) : PlanFailureTests<SqliteDatabase>(database);

public sealed class PostgresPlanFailureTests(PostgresDatabase database) : PlanFailureTests<PostgresDatabase>(database);
