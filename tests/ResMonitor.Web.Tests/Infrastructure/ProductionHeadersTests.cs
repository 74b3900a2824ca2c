using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ResMonitor.Web.Tests;

/// <summary>
/// The production headers: HSTS only over HTTPS, no-store on everything a signed-in user gets and on the editors'
/// addresses, while anonymous public answers stay cacheable; no Server header from Kestrel.
/// </summary>
public abstract class ProductionHeadersTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database, followRedirects: false)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task Over_HTTPS_the_site_sends_HSTS_and_over_plain_HTTP_it_does_not()
    {
        using var https = Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://monitor.example.nl") });

        using var secure = await https.GetAsync("/");
        using var plain = await Client.GetAsync("/");

        Assert.Equal("max-age=31536000", string.Join("", secure.Headers.GetValues("Strict-Transport-Security")));
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("/beheer")]
    [InlineData("/beheer/wijzigingen")]
    [InlineData("/beheer/wijzigingen/csv")]
    [InlineData("/api/v1/projects/VB-001")]
    [InlineData("/")]
    [InlineData("/gemeenten")]
    [InlineData("/api/v1/regions/drenthe/summary")]
    public async Task Every_answer_to_a_signed_in_user_is_no_store(string path)
    {
        await BeheerSession.SignInAsync(Client, Database, "beheerder");

        using var response = await Client.GetAsync(path);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path} lacks no-store");
    }

    [Theory]
    [InlineData("/inloggen")]
    [InlineData("/beheer")]
    public async Task The_sign_in_form_and_the_redirect_from_beheer_are_no_store(string path)
    {
        using var response = await Client.GetAsync(path);

        Assert.True(response.Headers.CacheControl?.NoStore, $"{path} lacks no-store");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/gemeenten")]
    [InlineData("/api/v1/regions/drenthe/summary")]
    public async Task Anonymous_public_answers_stay_cacheable_and_come_from_the_output_cache(string path)
    {
        using var first = await Client.GetAsync(path);
        using var second = await Client.GetAsync(path);

        Assert.False(first.Headers.CacheControl?.NoStore ?? false);
        Assert.False(second.Headers.CacheControl?.NoStore ?? false);
        Assert.True(second.Headers.Age is not null, $"{path} was not served from the output cache");
    }

    [Fact]
    public async Task The_real_server_sends_no_Server_header()
    {
        var port = FreePort();
        await using var app = WebApp.Build(["--urls", $"http://127.0.0.1:{port}", "--database", Database.Setting], Database.Clock);
        await app.StartAsync();
        try
        {
            using var http = new HttpClient();
            using var response = await http.GetAsync($"http://127.0.0.1:{port}/health");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Server"), string.Join(", ", response.Headers.TryGetValues("Server", out var v) ? v : []));
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class SqliteProductionHeadersTests(SqliteDatabase database) : ProductionHeadersTests<SqliteDatabase>(database);

public sealed class PostgresProductionHeadersTests(PostgresDatabase database) : ProductionHeadersTests<PostgresDatabase>(database);
