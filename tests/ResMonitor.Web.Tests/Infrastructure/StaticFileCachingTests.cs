using System.Net;
using System.Text.RegularExpressions;

namespace ResMonitor.Web.Tests;

/// <summary>Versioned stylesheets are cached for a year; other static files are revalidated.</summary>
public abstract partial class StaticFileCachingTests<TDatabase>(TDatabase database) : SiteTest<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task The_stylesheets_the_home_page_links_may_be_kept_for_a_year()
    {
        var html = await Client.GetStringAsync("/");
        var stylesheets = Stylesheet().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

        Assert.Equal(3, stylesheets.Count);
        foreach (var url in stylesheets)
        {
            Assert.Contains("?v=", url);
            using var response = await Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var cacheControl = response.Headers.CacheControl;
            Assert.NotNull(cacheControl);
            Assert.True(cacheControl.Public, url);
            Assert.Equal(TimeSpan.FromDays(365), cacheControl.MaxAge);
            Assert.Contains(cacheControl.Extensions, e => e.Name == "immutable");
        }
    }

    [Theory]
    [InlineData("/css/site.css")]
    [InlineData("/favicon.svg")]
    public async Task A_file_without_a_version_in_its_address_is_not_cached_for_long(string url)
    {
        using var response = await Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.CacheControl?.MaxAge);
        Assert.NotNull(response.Headers.ETag);
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex Stylesheet();
}

public sealed class SqliteStaticFileCachingTests(SqliteDatabase database) : StaticFileCachingTests<SqliteDatabase>(database);

public sealed class PostgresStaticFileCachingTests(PostgresDatabase database) : StaticFileCachingTests<PostgresDatabase>(database);
