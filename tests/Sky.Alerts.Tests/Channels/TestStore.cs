using Sky.Store;

namespace Sky.Alerts.Tests.Channels;

/// <summary>A real SQLite store in a temp folder of the test's own, removed afterwards.</summary>
public sealed class TestStore : IDisposable
{
    public TestStore()
    {
        Folder = Directory.CreateTempSubdirectory("sky-alerts-").FullName;
        Database = new SkyDatabase(Folder);
        Alerts = new AlertRepository(Database);
    }

    public string Folder { get; }

    public SkyDatabase Database { get; }

    public AlertRepository Alerts { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
