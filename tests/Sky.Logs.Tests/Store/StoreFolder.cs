using Microsoft.Extensions.Time.Testing;
using Sky.Logs.Store;
using Sky.Runtime;

namespace Sky.Logs.Tests.Store;

/// <summary>A log store in a temporary data folder, on a fake clock, with helpers to write lines as the collector does.</summary>
internal sealed class StoreFolder : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    public StoreFolder(LogRetention? retention = null)
    {
        Retention = retention ?? new LogRetention();
        Store = Open();
    }

    public string Path { get; } = Directory.CreateTempSubdirectory("sky-logs-").FullName;

    public FakeTimeProvider Clock { get; } = new(Start);

    public LogRetention Retention { get; }

    public LogStore Store { get; private set; }

    public static LogSource Source(string container, string service = "web", string instance = "production", string role = "main") =>
        new() { ContainerId = "id-" + container, Container = container, Kind = "service", Service = service, Instance = instance, Role = role, Replica = 1, Revision = 3 };

    /// <summary>Stores lines of one source, one second apart from <paramref name="at"/>, as one chunk.</summary>
    public void Write(LogSource source, DateTimeOffset at, params string[] lines)
    {
        var id = Store.Register(source).Id;
        var chunk = new ChunkBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            chunk.Add(lines[i].StartsWith("err:", StringComparison.Ordinal) ? LogStream.Stderr : LogStream.Stdout, at.AddSeconds(i), System.Text.Encoding.UTF8.GetBytes(lines[i]), truncated: false);
        }

        Store.Write([(id, chunk)]);
    }

    /// <summary>Closes the store and opens it again on the same folder, as a daemon restart does.</summary>
    public void Reopen()
    {
        Store.Dispose();
        Store = Open();
    }

    public void Dispose()
    {
        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }

    private LogStore Open() => new(Path, Retention, Clock);
}
