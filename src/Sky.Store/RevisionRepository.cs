using System.Globalization;
using System.Text.Json;
using Dapper;

namespace Sky.Store;

/// <summary>
/// Every applied configuration, kept whole (every source and pin it stood for), so any earlier one can be shown or
/// returned to; each stored with what it changed, entry by entry, in one transaction.
/// </summary>
public sealed class RevisionRepository(SkyDatabase database, TimeProvider clock)
{
    private const string Columns = "number, created_at AS createdAt, source, kind, files, content";

    public long Add(string origin, string kind, RevisionContent content, IReadOnlyList<RevisionChange> changes)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        // Commands of their own rather than Dapper's: Dapper.AOT leaves these two calls to plain Dapper (code emitted at
        // run time, which the ahead-of-time compiled daemon cannot run) without saying why.
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO revisions(created_at, source, kind, files, content) VALUES ($createdAt, $origin, $kind, '[]', $content); SELECT last_insert_rowid();";
        insert.Parameters.AddWithValue("$createdAt", clock.GetUtcNow().ToString("O"));
        insert.Parameters.AddWithValue("$origin", origin);
        insert.Parameters.AddWithValue("$kind", kind);
        insert.Parameters.AddWithValue("$content", JsonSerializer.Serialize(content, RevisionJsonContext.Default.RevisionContent));
        var number = (long)insert.ExecuteScalar()!;
        foreach (var change in changes)
        {
            using var add = connection.CreateCommand();
            add.Transaction = transaction;
            add.CommandText = "INSERT INTO revision_changes(revision, entry, entry_kind, change, details) VALUES ($number, $entry, $entryKind, $change, $details)";
            add.Parameters.AddWithValue("$number", number);
            add.Parameters.AddWithValue("$entry", change.Entry);
            add.Parameters.AddWithValue("$entryKind", change.EntryKind);
            add.Parameters.AddWithValue("$change", change.Change);
            add.Parameters.AddWithValue("$details", JsonSerializer.Serialize(change.Details, RevisionJsonContext.Default.IReadOnlyListString));
            add.ExecuteNonQuery();
        }

        transaction.Commit();
        return number;
    }

    public Revision? Latest()
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<RevisionRow>($"SELECT {Columns} FROM revisions ORDER BY number DESC LIMIT 1")?.ToRevision();
    }

    public Revision? Get(long number)
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<RevisionRow>($"SELECT {Columns} FROM revisions WHERE number = @number", new { number })?.ToRevision();
    }

    /// <summary>The newest first, without their content.</summary>
    public IReadOnlyList<Revision> List(int limit)
    {
        using var connection = database.Open();
        return connection.Query<RevisionRow>("SELECT number, created_at AS createdAt, source, kind, '[]' AS files, '{\"Sources\":[],\"Pins\":[]}' AS content FROM revisions ORDER BY number DESC LIMIT @limit", new { limit })
            .Select(r => r.ToRevision())
            .ToList();
    }

    /// <summary>What one revision changed, entry by entry.</summary>
    public IReadOnlyList<RevisionChange> ChangesOf(long revision)
    {
        using var connection = database.Open();
        return connection.Query<ChangeRow>($"{ChangeSelect} WHERE revision = @revision ORDER BY entry", new { revision }).Select(r => r.ToChange()).ToList();
    }

    /// <summary>The revisions that changed an entry, newest first.</summary>
    public IReadOnlyList<RevisionChange> ChangesTo(string entry, int limit)
    {
        using var connection = database.Open();
        return connection.Query<ChangeRow>($"{ChangeSelect} WHERE entry = @entry ORDER BY revision DESC LIMIT @limit", new { entry, limit }).Select(r => r.ToChange()).ToList();
    }

    /// <summary>Records how acting on a revision's change to an entry went; a later outcome (rolled back) overwrites an earlier one.</summary>
    public void SetOutcome(long revision, string entry, string outcome, string? message)
    {
        using var connection = database.Open();
        connection.Execute(
            "UPDATE revision_changes SET outcome = @outcome, outcome_message = @message WHERE revision = @revision AND entry = @entry",
            new { revision, entry, outcome, message });
    }

    private const string ChangeSelect = "SELECT revision, entry, entry_kind AS entryKind, change, details, outcome, outcome_message AS outcomeMessage FROM revision_changes";

    internal sealed record RevisionRow(long Number, string CreatedAt, string Source, string Kind, string Files, string? Content)
    {
        public Revision ToRevision() => new(
            Number,
            DateTimeOffset.Parse(CreatedAt, CultureInfo.InvariantCulture),
            Source,
            Kind,
            Content is null
                // A revision from before sources: its files were the whole configuration, one source named as it was applied.
                ? new RevisionContent([new RevisionSource(Source, null, JsonSerializer.Deserialize(Files, RevisionJsonContext.Default.ListStoredFile) ?? [])], [])
                : JsonSerializer.Deserialize(Content, RevisionJsonContext.Default.RevisionContent) ?? RevisionContent.Empty);
    }

    internal sealed record ChangeRow(long Revision, string Entry, string EntryKind, string Change, string Details, string? Outcome, string? OutcomeMessage)
    {
        public RevisionChange ToChange() => new(Entry, EntryKind, Change, JsonSerializer.Deserialize(Details, RevisionJsonContext.Default.ListString) ?? [])
        {
            Revision = Revision,
            Outcome = Outcome,
            OutcomeMessage = OutcomeMessage,
        };
    }
}
