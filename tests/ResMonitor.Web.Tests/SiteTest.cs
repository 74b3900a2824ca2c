namespace ResMonitor.Web.Tests;

/// <summary>A test class with the monitor running on its own database: the database, the host and a client.</summary>
public abstract class SiteTest<TDatabase> : IClassFixture<TDatabase>, IDisposable
    where TDatabase : TestDatabase
{
    protected SiteTest(TDatabase database)
    {
        Database = database;
        Factory = new MonitorFactory(database);
        Client = Factory.CreateClient();
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
