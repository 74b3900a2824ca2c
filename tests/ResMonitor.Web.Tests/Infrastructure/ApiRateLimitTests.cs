using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ResMonitor.Web.Tests;

/// <summary>The API's limit per client address: 429 with Retry-After and a Dutch problem, other addresses unaffected.</summary>
public abstract class ApiRateLimitTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task Past_the_limit_one_address_gets_429_with_Retry_After_and_another_address_is_still_served()
    {
        // A window of an hour, so that the test cannot cross into the next one.
        await using var limited = Factory.WithWebHostBuilder(b => b
            .UseSetting("Api:RateLimit:PermitLimit", "3")
            .UseSetting("Api:RateLimit:Window", "01:00:00"));
        using var client = limited.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/regions/drenthe/summary")).StatusCode);
        }

        using var refused = await client.GetAsync("/api/v1/regions/drenthe/signals");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Te veel verzoeken", problem.GetProperty("title").GetString());
        Assert.Contains("meer dan 3 verzoeken aan de API", problem.GetProperty("detail").GetString());
        // The pages are not limited, and another address has its own count.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/gemeenten")).StatusCode);
        using var other = limited.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/regions/drenthe/summary")).StatusCode);
    }

    [Fact]
    public async Task By_default_a_visitor_is_served_well_past_a_handful_of_API_requests()
    {
        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/api/v1/regions/drenthe/summary")).StatusCode);
        }
    }

    [Fact]
    public void A_malformed_limit_stops_the_start_with_a_message_naming_the_setting()
    {
        using var broken = Factory.WithWebHostBuilder(b => b.UseSetting("Api:RateLimit:PermitLimit", "veel"));

        var error = Assert.ThrowsAny<Exception>(() => broken.CreateClient());

        Assert.Contains("Api:RateLimit:PermitLimit: 'veel'", error.GetBaseException().Message);
    }
}

public sealed class SqliteApiRateLimitTests(SqliteDatabase database) : ApiRateLimitTests<SqliteDatabase>(database);

public sealed class PostgresApiRateLimitTests(PostgresDatabase database) : ApiRateLimitTests<PostgresDatabase>(database);
