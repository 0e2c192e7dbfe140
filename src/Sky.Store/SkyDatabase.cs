using Dapper;
using Microsoft.Data.Sqlite;

namespace Sky.Store;

/// <summary>
/// The daemon's SQLite file (WAL, so readers never wait for the writer): opens connections and brings the
/// schema up to date. Each repository owns its tables; their DDL is listed in <see cref="SchemaMigrations"/>.
/// </summary>
public sealed class SkyDatabase
{
    private readonly string connectionString;

    public SkyDatabase(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        Path = System.IO.Path.Combine(dataDirectory, "sky.db");
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        using var connection = Open();
        connection.Execute("PRAGMA journal_mode=WAL;");
        SchemaMigrations.Apply(connection);
    }

    public string Path { get; }

    /// <summary>An open connection; the caller disposes it. busy_timeout lets concurrent writers queue instead of failing.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        connection.Execute("PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
        return connection;
    }
}
