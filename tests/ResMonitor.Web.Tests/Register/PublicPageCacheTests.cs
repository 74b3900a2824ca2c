using System.IO.Compression;
using System.Net;

namespace ResMonitor.Web.Tests.Register;

/// <summary>Public pages come compressed and from the output cache, per language, and stay correct after a write.</summary>
public abstract class PublicPageCacheTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task The_home_page_and_the_summary_come_compressed_when_the_reader_accepts_it(string encoding)
    {
        foreach (var path in new[] { "/", "/api/v1/regions/drenthe/summary", "/grafieken/trend.csv" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptEncoding.ParseAdd(encoding);
            using var response = await Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
            var compressed = await response.Content.ReadAsByteArrayAsync();
            await using var stream = encoding == "br"
                ? (Stream)new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress)
                : new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var reader = new StreamReader(stream);
            var text = await reader.ReadToEndAsync();
            var plain = await Client.GetStringAsync(path);
            Assert.Equal(plain, text);
            // A page shrinks to well under half; a small CSV at least gets smaller.
            Assert.True(compressed.Length < (path == "/" ? plain.Length / 2 : plain.Length), $"{path}: {compressed.Length} bytes compressed, {plain.Length} plain");
        }
    }

    [Fact]
    public async Task A_second_anonymous_request_is_answered_from_the_cache_in_the_language_asked_for()
    {
        var first = await Client.GetAsync("/gemeenten");
        var second = await Client.GetAsync("/gemeenten");
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Contains("<html lang=\"nl\">", await second.Content.ReadAsStringAsync());

        var english = await Client.GetStringAsync("/gemeenten?lang=en");
        Assert.Contains("<html lang=\"en\">", english);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/gemeenten");
        request.Headers.Add("Cookie", "lang=en");
        var byCookie = await Client.SendAsync(request);
        Assert.Contains("<html lang=\"en\">", await byCookie.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Error_answers_and_the_editors_pages_are_not_kept()
    {
        await Client.GetAsync("/gemeenten/bestaat-niet");
        var again = await Client.GetAsync("/gemeenten/bestaat-niet");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Null(again.Headers.Age);

        await Client.GetAsync("/beheer");
        var beheer = await Client.GetAsync("/beheer");
        Assert.Null(beheer.Headers.Age);
    }
}

public sealed class SqlitePublicPageCacheTests(SqliteDatabase database) : PublicPageCacheTests<SqliteDatabase>(database);

public sealed class PostgresPublicPageCacheTests(PostgresDatabase database) : PublicPageCacheTests<PostgresDatabase>(database);
