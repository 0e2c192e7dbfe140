namespace Sky.Store.Tests;

/// <summary>A data folder of its own per test, deleted afterwards, so tests run in parallel.</summary>
public sealed class TempDataDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("sky-store-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
