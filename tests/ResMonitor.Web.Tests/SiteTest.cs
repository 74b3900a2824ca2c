namespace ResMonitor.Web.Tests;

/// <summary>A test class with the monitor running on its own database: the database, the host and a client.</summary>
public abstract class SiteTest<TDatabase> : IClassFixture<TDatabase>, IDisposable
    where TDatabase : TestDatabase
{
    /// <param name="followRedirects">False where a test asserts a redirect itself (sign-in, language switch).</param>
    protected SiteTest(TDatabase database, bool followRedirects = true)
    {
        Database = database;
        Factory = new MonitorFactory(database);
        Client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects });
    }

    protected TDatabase Database { get; }

    protected MonitorFactory Factory { get; }

    protected HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
        GC.SuppressFinalize(this);
    }
}
