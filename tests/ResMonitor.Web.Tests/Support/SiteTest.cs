namespace ResMonitor.Web.Tests;

/// <summary>
/// A test class with the monitor running on its own database: the database and the host are shared by the tests of
/// the class (<see cref="TestDatabase.Host"/>), each test gets its own client (its own cookies and client address).
/// </summary>
public abstract class SiteTest<TDatabase> : IClassFixture<TDatabase>, IDisposable
    where TDatabase : TestDatabase
{
    /// <param name="followRedirects">False where a test asserts a redirect itself (sign-in, language switch).</param>
    protected SiteTest(TDatabase database, bool followRedirects = true)
    {
        Database = database;
        Factory = database.Host;
        Client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects });
    }

    protected TDatabase Database { get; }

    /// <summary>The class's shared host: a test that changes its settings makes its own with <c>Factory.WithWebHostBuilder</c>.</summary>
    protected MonitorFactory Factory { get; }

    protected HttpClient Client { get; }

    /// <summary>How often <paramref name="part"/> occurs in <paramref name="text"/>.</summary>
    protected static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    public void Dispose()
    {
        Client.Dispose();
        GC.SuppressFinalize(this);
    }
}
