using Microsoft.Data.Sqlite;

namespace Sky.Store;

/// <summary>
/// The daemon's control plane, <c>sky.db</c>: opens connections and brings the schema up to date. Each repository owns
/// its tables; their DDL is listed in <see cref="SchemaMigrations"/>.
/// </summary>
public sealed class SkyDatabase
{
    private readonly SqliteFile file;

    public SkyDatabase(string dataDirectory)
    {
        file = new SqliteFile(dataDirectory, "sky.db");
        using var connection = Open();
        SchemaMigrations.Apply(connection);
    }

    public string Path => file.Path;

    /// <summary>An open connection; the caller disposes it.</summary>
    public SqliteConnection Open() => file.Open();
}
