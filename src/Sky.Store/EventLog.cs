using Dapper;

namespace Sky.Store;

/// <summary>The append-only log of what sky did, newest last.</summary>
public sealed class EventLog(SkyDatabase database, TimeProvider clock)
{
    public void Append(string kind, string? service, string? instance, string message)
    {
        using var connection = database.Open();
        connection.Execute(
            "INSERT INTO events(time, kind, service, instance, message) VALUES (@time, @kind, @service, @instance, @message)",
            new { time = clock.GetUtcNow().ToString("O"), kind, service, instance, message });
    }

    /// <summary>The last <paramref name="limit"/> events, oldest first, optionally of one service.</summary>
    public IReadOnlyList<SkyEvent> Recent(int limit, string? service = null)
    {
        using var connection = database.Open();
        var rows = connection.Query<EventRow>(
            """
            SELECT id, time, kind, service, instance, message FROM events
            WHERE @service IS NULL OR service = @service
            ORDER BY id DESC LIMIT @limit
            """,
            new { limit, service });
        return rows.Reverse().Select(r => new SkyEvent(r.Id, DateTimeOffset.Parse(r.Time, System.Globalization.CultureInfo.InvariantCulture), r.Kind, r.Service, r.Instance, r.Message)).ToList();
    }

    private sealed record EventRow(long Id, string Time, string Kind, string? Service, string? Instance, string Message);
}
