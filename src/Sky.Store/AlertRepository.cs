using System.Globalization;
using Dapper;
using Sky.Feed;
using Sky.Feed.Changes;

namespace Sky.Store;

/// <summary>
/// Incidents raised to maintainers and every delivery attempt of their notices. Each incident written (opened,
/// escalated, closed) is also published on the state feed.
/// </summary>
public sealed class AlertRepository(SkyDatabase database, StateFeed? feed = null)
{
    private const string Columns =
        "id, service, instance, container, kind_group AS KindGroup, kind, priority, state, maintainer_name AS MaintainerName, maintainer_email AS MaintainerEmail, " +
        "message, failures, opened_at AS OpenedAt, last_failure_at AS LastFailureAt, last_sent_at AS LastSentAt, closed_at AS ClosedAt, rule";

    /// <summary>Stores a new incident and returns its id.</summary>
    public long Insert(AlertRecord alert)
    {
        using var connection = database.Open();
        var id = connection.ExecuteScalar<long>(
            """
            INSERT INTO alerts(service, instance, container, kind_group, kind, priority, state, maintainer_name, maintainer_email,
                               message, failures, opened_at, last_failure_at, last_sent_at, closed_at, rule)
            VALUES (@Service, @Instance, @Container, @Group, @Kind, @Priority, @State, @MaintainerName, @MaintainerEmail,
                    @Message, @Failures, @OpenedAt, @LastFailureAt, @LastSentAt, @ClosedAt, @Rule);
            SELECT last_insert_rowid();
            """,
            Parameters(alert));
        Publish(alert with { Id = id });
        return id;
    }

    /// <summary>Writes back what changes while an incident lives: kind, priority, state, message, counts and times.</summary>
    public void Update(AlertRecord alert)
    {
        using var connection = database.Open();
        connection.Execute(
            """
            UPDATE alerts SET container = @Container, kind = @Kind, priority = @Priority, state = @State, message = @Message,
                failures = @Failures, last_failure_at = @LastFailureAt, last_sent_at = @LastSentAt, closed_at = @ClosedAt
            WHERE id = @Id
            """,
            Parameters(alert));
        Publish(alert);
    }

    private void Publish(AlertRecord alert) =>
        feed?.Publish(new AlertChanged(alert.Id, alert.Service, alert.Instance, alert.Kind, alert.Priority, alert.State, alert.Message));

    public AlertRecord? Find(long id)
    {
        using var connection = database.Open();
        return connection.Query<AlertRow>($"SELECT {Columns} FROM alerts WHERE id = @id", new { id }).Select(ToRecord).FirstOrDefault();
    }

    /// <summary>Every open incident (acknowledged ones included), oldest first: what a restarted daemon picks up again.</summary>
    public IReadOnlyList<AlertRecord> Open()
    {
        using var connection = database.Open();
        return connection.Query<AlertRow>($"SELECT {Columns} FROM alerts WHERE state <> 'closed' ORDER BY id").Select(ToRecord).ToList();
    }

    /// <summary>Open (and acknowledged) incidents and, unless <paramref name="openOnly"/>, the most recent closed ones; newest first.</summary>
    public IReadOnlyList<AlertRecord> Recent(bool openOnly, int limit)
    {
        using var connection = database.Open();
        return connection.Query<AlertRow>(
                $"""
                SELECT {Columns} FROM alerts
                WHERE state <> 'closed' OR @openOnly = 0
                ORDER BY (state <> 'closed') DESC, id DESC LIMIT @limit
                """,
                new { openOnly = openOnly ? 1 : 0, limit })
            .Select(ToRecord)
            .ToList();
    }

    public void RecordDelivery(long? alertId, DateTimeOffset time, string channel, string target, string notice, int attempt, bool delivered, string? error)
    {
        using var connection = database.Open();
        connection.Execute(
            """
            INSERT INTO alert_deliveries(alert_id, time, channel, target, notice, attempt, delivered, error)
            VALUES (@alertId, @time, @channel, @target, @notice, @attempt, @delivered, @error)
            """,
            new { alertId, time = time.ToString("O"), channel, target, notice, attempt, delivered = delivered ? 1 : 0, error });
    }

    /// <summary>Delivery attempts, oldest first, of one incident or (null) of notifications outside incidents.</summary>
    public IReadOnlyList<AlertDelivery> Deliveries(long? alertId, int limit = 100)
    {
        using var connection = database.Open();
        return connection.Query<DeliveryRow>(
                """
                SELECT id, alert_id AS AlertId, time, channel, target, notice, attempt, delivered, error FROM alert_deliveries
                WHERE alert_id IS @alertId ORDER BY id LIMIT @limit
                """,
                new { alertId, limit })
            .Select(ToDelivery)
            .ToList();
    }

    /// <summary>
    /// The latest attempt on each channel and target of each of <paramref name="alertIds"/>: whether the maintainer was
    /// told, channel by channel, as <c>sky alerts</c> shows it. Oldest first within an alert.
    /// </summary>
    public IReadOnlyList<AlertDelivery> LatestDeliveries(IReadOnlyCollection<long> alertIds)
    {
        if (alertIds.Count == 0)
        {
            return [];
        }

        using var connection = database.Open();
        return connection.Query<DeliveryRow>(
                """
                SELECT id, alert_id AS AlertId, time, channel, target, notice, attempt, delivered, error FROM alert_deliveries
                WHERE id IN (SELECT MAX(id) FROM alert_deliveries WHERE alert_id IN @alertIds GROUP BY alert_id, channel, target)
                ORDER BY alert_id, id
                """,
                new { alertIds })
            .Select(ToDelivery)
            .ToList();
    }

    private static AlertDelivery ToDelivery(DeliveryRow r) => new(r.Id, r.AlertId, Time(r.Time), r.Channel, r.Target, r.Notice, (int)r.Attempt, r.Delivered != 0, r.Error);

    private static AlertParameters Parameters(AlertRecord a) => new(
        a.Id, a.Service, a.Instance, a.Container, a.Group, a.Kind, a.Priority, a.State, a.MaintainerName, a.MaintainerEmail, a.Message, a.Failures, a.Rule,
        a.OpenedAt.ToString("O"), a.LastFailureAt?.ToString("O"), a.LastSentAt?.ToString("O"), a.ClosedAt?.ToString("O"));

    /// <summary>An incident as its row's parameters: the times as ISO 8601 text, as SQLite keeps them.</summary>
    internal sealed record AlertParameters(
        long Id, string Service, string Instance, string? Container, string Group, string Kind, string Priority, string State,
        string? MaintainerName, string? MaintainerEmail, string Message, int Failures, string? Rule,
        string OpenedAt, string? LastFailureAt, string? LastSentAt, string? ClosedAt);

    private static AlertRecord ToRecord(AlertRow r) => new()
    {
        Id = r.Id,
        Service = r.Service,
        Instance = r.Instance,
        Container = r.Container,
        Group = r.KindGroup,
        Kind = r.Kind,
        Priority = r.Priority,
        State = r.State,
        MaintainerName = r.MaintainerName,
        MaintainerEmail = r.MaintainerEmail,
        Message = r.Message,
        Failures = (int)r.Failures,
        OpenedAt = Time(r.OpenedAt),
        LastFailureAt = r.LastFailureAt is null ? null : Time(r.LastFailureAt),
        LastSentAt = r.LastSentAt is null ? null : Time(r.LastSentAt),
        ClosedAt = r.ClosedAt is null ? null : Time(r.ClosedAt),
        Rule = r.Rule,
    };

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    internal sealed record AlertRow(
        long Id, string Service, string Instance, string? Container, string KindGroup, string Kind, string Priority, string State,
        string? MaintainerName, string? MaintainerEmail, string Message, long Failures, string OpenedAt, string? LastFailureAt,
        string? LastSentAt, string? ClosedAt, string? Rule);

    internal sealed record DeliveryRow(long Id, long? AlertId, string Time, string Channel, string Target, string Notice, long Attempt, long Delivered, string? Error);
}
