using System.Globalization;
using Dapper;
using Sky.Feed;
using Sky.Feed.Changes;

namespace Sky.Store;

/// <summary>
/// The append-only log of what sky did and why, newest last, in the telemetry file. Each entry is also published on the
/// state feed as it is written, so <c>sky events -f</c> and the page see it at once; entries older than the retention
/// are trimmed.
/// </summary>
public sealed class EventLog(TelemetryDatabase database, TimeProvider clock, StateFeed? feed = null)
{
    private readonly Lock gate = new();

    /// <summary>Appends an entry and returns its number.</summary>
    public long Append(string kind, string? service, string? instance, string message)
    {
        // One writer at a time, so entries reach the feed in the order of their numbers.
        lock (gate)
        {
            using var connection = database.Open();
            var id = connection.ExecuteScalar<long>(
                "INSERT INTO events(time, kind, service, instance, message) VALUES (@time, @kind, @service, @instance, @message); SELECT last_insert_rowid();",
                new { time = clock.GetUtcNow().ToString("O"), kind, service, instance, message });
            feed?.Publish(new ActivityRecorded(id, kind, service, instance, message));
            return id;
        }
    }

    /// <summary>
    /// The last <paramref name="limit"/> events, oldest first, optionally of one service and no older than
    /// <paramref name="since"/>.
    /// </summary>
    public async Task<IReadOnlyList<SkyEvent>> RecentAsync(int limit, string? service = null, DateTimeOffset? since = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // No token for the query itself: Dapper.AOT binds only the overloads that take the SQL directly, and one read of
        // at most `limit` rows from a local file is over before a cancellation would matter.
        var rows = await connection.QueryAsync<EventRow>(Select, new { limit, service, since = since?.ToUniversalTime().ToString("O") });
        return rows.Reverse().Select(ToEvent).ToList();
    }

    /// <summary>The same as <see cref="RecentAsync"/>, for callers off the request path (tests, background work).</summary>
    public IReadOnlyList<SkyEvent> Recent(int limit, string? service = null, DateTimeOffset? since = null)
    {
        using var connection = database.Open();
        var rows = connection.Query<EventRow>(Select, new { limit, service, since = since?.ToUniversalTime().ToString("O") });
        return rows.Reverse().Select(ToEvent).ToList();
    }

    /// <summary>Drops entries older than <paramref name="maxAge"/> and all but the newest <paramref name="keep"/>; returns how many went.</summary>
    public int ApplyRetention(TimeSpan maxAge, int keep)
    {
        using var connection = database.Open();
        return connection.Execute(
            "DELETE FROM events WHERE time < @oldest OR id <= (SELECT COALESCE(MAX(id), 0) FROM events) - @keep",
            new { oldest = (clock.GetUtcNow() - maxAge).ToUniversalTime().ToString("O"), keep });
    }

    private const string Select = """
        SELECT id, time, kind, service, instance, message FROM events
        WHERE (@service IS NULL OR service = @service) AND (@since IS NULL OR time >= @since)
        ORDER BY id DESC LIMIT @limit
        """;

    private static SkyEvent ToEvent(EventRow r) => new(r.Id, DateTimeOffset.Parse(r.Time, CultureInfo.InvariantCulture), r.Kind, r.Service, r.Instance, r.Message);

    internal sealed record EventRow(long Id, string Time, string Kind, string? Service, string? Instance, string Message);
}
