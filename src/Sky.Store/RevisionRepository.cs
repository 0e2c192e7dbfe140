using System.Text.Json;
using Dapper;

namespace Sky.Store;

/// <summary>Every applied configuration, kept whole, so any earlier one can be shown or returned to.</summary>
public sealed class RevisionRepository(SkyDatabase database, TimeProvider clock)
{
    public long Add(string source, IReadOnlyList<StoredFile> files)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<long>(
            "INSERT INTO revisions(created_at, source, files) VALUES (@createdAt, @source, @files); SELECT last_insert_rowid();",
            new { createdAt = clock.GetUtcNow().ToString("O"), source, files = JsonSerializer.Serialize(files) });
    }

    public Revision? Latest()
    {
        using var connection = database.Open();
        var row = connection.QuerySingleOrDefault<RevisionRow>("SELECT number, created_at AS createdAt, source, files FROM revisions ORDER BY number DESC LIMIT 1");
        return row?.ToRevision();
    }

    public Revision? Get(long number)
    {
        using var connection = database.Open();
        var row = connection.QuerySingleOrDefault<RevisionRow>("SELECT number, created_at AS createdAt, source, files FROM revisions WHERE number = @number", new { number });
        return row?.ToRevision();
    }

    /// <summary>The newest first, without their files.</summary>
    public IReadOnlyList<Revision> List(int limit)
    {
        using var connection = database.Open();
        return connection.Query<RevisionRow>("SELECT number, created_at AS createdAt, source, '[]' AS files FROM revisions ORDER BY number DESC LIMIT @limit", new { limit })
            .Select(r => r.ToRevision())
            .ToList();
    }

    private sealed record RevisionRow(long Number, string CreatedAt, string Source, string Files)
    {
        public Revision ToRevision() => new(
            Number,
            DateTimeOffset.Parse(CreatedAt, System.Globalization.CultureInfo.InvariantCulture),
            Source,
            JsonSerializer.Deserialize<List<StoredFile>>(Files) ?? []);
    }
}
