using Dapper;

namespace Sky.Store;

/// <summary>
/// How many times sky restarted each wanted container (by name, so a replacement keeps counting), kept across
/// restarts of the daemon: <c>sky service status</c> shows the same count before and after an upgrade.
/// </summary>
public sealed class RestartCountRepository(SkyDatabase database, TimeProvider clock)
{
    /// <summary>Counts one more restart and returns the new count.</summary>
    public int Increment(string container)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<int>(
            """
            INSERT INTO restart_counts(container, restarts, last_at) VALUES (@container, 1, @time)
            ON CONFLICT(container) DO UPDATE SET restarts = restarts + 1, last_at = excluded.last_at;
            SELECT restarts FROM restart_counts WHERE container = @container;
            """,
            new { container, time = clock.GetUtcNow().ToString("O") });
    }

    public IReadOnlyDictionary<string, int> All()
    {
        using var connection = database.Open();
        return connection.Query<RestartRow>("SELECT container, restarts FROM restart_counts")
            .ToDictionary(r => r.Container, r => (int)r.Restarts, StringComparer.Ordinal);
    }

    /// <summary>A row of <c>restart_counts</c>.</summary>
    internal sealed record RestartRow(string Container, long Restarts);
}
