using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using ResMonitor.Core.Projects;

namespace ResMonitor.Web.Tests;

/// <summary>The public signals over the API and on the page, from the seeded register, on both databases.</summary>
public abstract class SignalTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task The_API_lists_a_stall_signal_for_every_open_project_without_a_phase_change_for_24_months_or_more()
    {
        await using var db = Database.CreateContext();
        var before = TestClock.Today.AddMonths(-24);
        var projects = await db.Projects.Include(p => p.PhaseHistory).Where(p => p.Phase != Phase.Realised && p.Phase != Phase.Withdrawn).ToListAsync();
        var expected = projects.Where(p => p.PhaseHistory.Max(h => h.Date) <= before).Select(p => p.Id).Order().ToList();

        using var json = JsonDocument.Parse(await Client.GetStringAsync("/api/v1/regions/drenthe/signals"));

        var stalled = json.RootElement.GetProperty("signals").EnumerateArray()
            .Where(s => s.GetProperty("rule").GetString() == "Stalled")
            .Select(s => s.GetProperty("subject").GetString()!).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, stalled);
        Assert.Equal(24, json.RootElement.GetProperty("options").GetProperty("stalledAfterMonths").GetInt32());
        Assert.All(json.RootElement.GetProperty("signals").EnumerateArray(), s => Assert.False(string.IsNullOrEmpty(s.GetProperty("facts").GetString())));
    }

    [Fact]
    public async Task The_signals_page_summarises_every_rule_with_its_facts_and_links()
    {
        using var json = JsonDocument.Parse(await Client.GetStringAsync("/api/v1/regions/drenthe/signals"));
        var first = json.RootElement.GetProperty("signals")[0];

        var html = WebUtility.HtmlDecode(await Client.GetStringAsync("/signalen"));

        Assert.Contains("Signalen: waar gaat het mis?", html);
        Assert.Contains($"Nu zijn er {json.RootElement.GetProperty("signals").GetArrayLength()} signalen.", html);
        Assert.Contains("Projecten die stilstaan", html);
        Assert.Contains("Geen vergunning vóór de uiterste datum", html);
        Assert.Contains("Gemeenten die achterblijven bij hun aandeel", html);
        Assert.Contains("Projecten in een gebied zonder netcapaciteit", html);
        Assert.Contains("waar een netbeheerder op de peildatum leveringscongestie meldt", html);
        Assert.DoesNotContain("nog geen gegevens", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<a class=\"utrecht-link\" href=\"/netcongestie\">netcongestie</a>", html);
        Assert.Contains(first.GetProperty("facts").GetString()!, html);
        Assert.Contains($"href=\"{first.GetProperty("link").GetString()}\"", html);
    }

    [Fact]
    public async Task A_configured_list_of_public_rules_replaces_the_default_of_all_rules()
    {
        using var factory = Factory.WithWebHostBuilder(b => b.UseSetting("Signals:PublicRules:0", "Stalled"));
        using var client = factory.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/regions/drenthe/signals"));

        var rules = json.RootElement.GetProperty("signals").EnumerateArray().Select(s => s.GetProperty("rule").GetString()).Distinct().ToList();
        Assert.Equal(["Stalled"], rules);
        using var all = JsonDocument.Parse(await Client.GetStringAsync("/api/v1/regions/drenthe/signals"));
        Assert.True(all.RootElement.GetProperty("signals").EnumerateArray().Select(s => s.GetProperty("rule").GetString()).Distinct().Count() > 1);
    }

    [Fact]
    public async Task An_unknown_region_has_no_signals()
    {
        using var response = await Client.GetAsync("/api/v1/regions/atlantis/signals");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class SqliteSignalTests(SqliteDatabase database) : SignalTests<SqliteDatabase>(database);

public sealed class PostgresSignalTests(PostgresDatabase database) : SignalTests<PostgresDatabase>(database);
