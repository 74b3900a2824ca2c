using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace ResMonitor.Web.Tests;

/// <summary>
/// Two instances of the site on one PostgreSQL, as behind a load balancer: a change through one is seen on the
/// other, and a user signed in on one is signed in on the other, form token included.
/// </summary>
public sealed class TwoInstancesTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    /// <summary>How long the other instance may take to show a change (its caches refresh from the database).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly MonitorFactory _first = new(database);
    private readonly MonitorFactory _second = new(database);

    [Fact]
    public async Task A_project_changed_through_one_instance_is_read_from_the_others_page_and_API()
    {
        var first = _first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var second = _second.CreateClient();
        var id = await EditingSupport.NewProjectAsync(database, "GM0106");
        Assert.DoesNotContain("Windpark Twee Servers", await second.GetStringAsync($"/projecten/{id}"));
        await BeheerSession.SignInAsync(first, database, "beheerder");
        var token = await EditingSupport.ApiTokenAsync(first);
        var state = JsonNode.Parse(await first.GetStringAsync($"/api/v1/projects/{id}"))!.AsObject();
        state["name"] = "Windpark Twee Servers";
        state["capacityMw"] = 21.5m;
        state["reason"] = "Naam gewijzigd";

        var saved = await first.SendAsync(EditingSupport.Put(id, state, token));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var page = await EventuallyAsync(() => second.GetStringAsync($"/projecten/{id}"), html => html.Contains("Windpark Twee Servers", StringComparison.Ordinal));
        Assert.Contains("21,5", page);
        var api = await EventuallyAsync(
            async () => await second.GetFromJsonAsync<JsonElement>($"/api/v1/regions/drenthe/projects/{id}"),
            json => json.GetRawText().Contains("Windpark Twee Servers", StringComparison.Ordinal));
        Assert.Contains("21.5", api.GetRawText());
    }

    [Fact]
    public async Task A_user_signed_in_on_one_instance_is_signed_in_on_the_other_and_its_form_token_is_accepted_there()
    {
        var cookies = new System.Net.CookieContainer();
        var first = _first.CreateDefaultClient(new CookieContainerHandler(cookies));
        var second = _second.CreateDefaultClient(new CookieContainerHandler(cookies));
        var id = await EditingSupport.NewProjectAsync(database, "GM0114");

        await BeheerSession.SignInAsync(first, database, "beheerder");
        var token = await EditingSupport.ApiTokenAsync(first);

        var beheer = await second.GetAsync("/beheer");
        Assert.Equal(HttpStatusCode.OK, beheer.StatusCode);
        Assert.Contains("Uitloggen", await beheer.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var state = JsonNode.Parse(await second.GetStringAsync($"/api/v1/projects/{id}"))!.AsObject();
        state["name"] = "Via de tweede server";
        var saved = await second.SendAsync(EditingSupport.Put(id, state, token));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("Via de tweede server", (await EditingSupport.ProjectAsync(database, id)).Name);

        // Shared through the database, not through this machine's key folder.
        await using var db = database.CreateContext();
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
    }

    /// <summary>Reads until the condition holds or <see cref="Patience"/> has passed; returns the last value read.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (condition(value) || clock.Elapsed > Patience)
            {
                Assert.True(condition(value), $"The other instance did not show the change within {Patience.TotalSeconds} s: {value}");
                return value;
            }

            await Task.Delay(200);
        }
    }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }
}
