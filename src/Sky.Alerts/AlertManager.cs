using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Sky.Model;
using Sky.Store;

namespace Sky.Alerts;

/// <summary>
/// Takes signals from the supervisor and the scheduler, lets <see cref="IncidentTracker"/> decide, stores the incidents
/// and queues their messages. Open incidents survive a restart of the daemon: they are read back on construction.
/// People acknowledge and close incidents through it, and a new configuration withdraws those of what it no longer has.
/// A notice that no channel takes is recorded as such (a delivery on channel <c>none</c>, and the event log), so that
/// nothing claims someone was told when nobody was.
/// </summary>
public sealed class AlertManager : IAlertSink
{
    /// <summary>The channel recorded for a notice that no channel took.</summary>
    public const string NoChannel = "none";

    private readonly Lock gate = new();
    private readonly IncidentTracker tracker;
    private readonly AlertRepository repository;
    private readonly AlertChannels channels;
    private readonly AlertDispatcher dispatcher;
    private readonly TimeProvider clock;
    private readonly ILogger<AlertManager>? logger;

    public AlertManager(EscalationSettings settings, AlertRepository repository, AlertChannels channels, AlertDispatcher dispatcher, TimeProvider clock, ILogger<AlertManager>? logger = null)
    {
        tracker = new IncidentTracker(settings);
        this.repository = repository;
        this.channels = channels;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.logger = logger;
        foreach (var record in repository.Open())
        {
            tracker.Restore(ToIncident(record));
        }
    }

    public IReadOnlyList<Incident> OpenIncidents
    {
        get
        {
            lock (gate)
            {
                return tracker.Open.ToList();
            }
        }
    }

    /// <summary>Never throws: a store that cannot be written must not stop the supervisor that reports.</summary>
    public void Signal(AlertSignal signal)
    {
        lock (gate)
        {
            try
            {
                Handle(tracker.Signal(signal, clock.GetUtcNow()));
            }
            catch (SqliteException exception)
            {
                logger?.LogError("cannot store the alert for {Service}/{Instance}: {Error}", signal.Service, signal.Instance, exception.Message);
            }
        }
    }

    /// <summary>
    /// Marks the open incident <paramref name="id"/> acknowledged (no reminders, no escalation; it closes on recovery)
    /// and returns it as stored; null when no open incident has that id.
    /// </summary>
    public AlertRecord? Acknowledge(long id)
    {
        lock (gate)
        {
            if (tracker.Acknowledge(id) is not { } incident)
            {
                return null;
            }

            var record = ToRecord(incident);
            repository.Update(record);
            return record;
        }
    }

    /// <summary>Closes the open incident <paramref name="id"/> by hand, sending nothing; null when no open incident has that id.</summary>
    public AlertRecord? Close(long id)
    {
        lock (gate)
        {
            if (tracker.Close(id, clock.GetUtcNow()) is not { } incident)
            {
                return null;
            }

            var record = ToRecord(incident);
            repository.Update(record);
            return record;
        }
    }

    /// <summary>
    /// A configuration was applied: the incidents of services and jobs it no longer has close themselves (nothing else
    /// ever would), telling whoever heard of them. Never throws, as <see cref="Signal"/>.
    /// </summary>
    public void Withdraw(DesiredState state)
    {
        var names = state.Services.Select(s => s.Name).Concat(state.Jobs.Select(j => j.Name)).ToHashSet(StringComparer.Ordinal);
        lock (gate)
        {
            try
            {
                Handle(tracker.Withdraw(names, clock.GetUtcNow()));
            }
            catch (SqliteException exception)
            {
                logger?.LogError("cannot store the alerts closed by a new configuration: {Error}", exception.Message);
            }
        }
    }

    /// <summary>Sends reminders for incidents that have been quiet for the whole quiet period; called periodically.</summary>
    public void SendReminders()
    {
        lock (gate)
        {
            try
            {
                Handle(tracker.Due(clock.GetUtcNow()));
            }
            catch (SqliteException exception)
            {
                logger?.LogError("cannot store reminders: {Error}", exception.Message);
            }
        }
    }

    private void Handle(IReadOnlyList<Notice> notices)
    {
        foreach (var notice in notices)
        {
            var incident = notice.Incident;
            if (notice.Kind != NoticeKind.Completed)
            {
                if (incident.Id == 0)
                {
                    incident = tracker.Identify(incident, repository.Insert(ToRecord(incident)));
                }
                else
                {
                    repository.Update(ToRecord(incident));
                }
            }

            var identified = notice with { Incident = incident };
            var message = AlertMessages.Compose(identified);
            var alertId = incident.Id > 0 ? incident.Id : (long?)null;
            var deliveries = channels.For(identified, incident.Maintainer, alertId, message);
            foreach (var delivery in deliveries)
            {
                dispatcher.Enqueue(delivery);
            }

            if (channels.Silence(identified, incident.Maintainer, deliveries.Count) is { } silence)
            {
                repository.RecordDelivery(alertId, clock.GetUtcNow(), NoChannel, "-", SignalNames.Of(notice.Kind), 0, false, silence);
                dispatcher.Say(incident.Service, incident.Instance, $"{message.Subject}: {silence}");
            }
        }
    }

    private static AlertRecord ToRecord(Incident incident) => new()
    {
        Id = incident.Id,
        Service = incident.Service,
        Instance = incident.Instance,
        Container = incident.Container,
        Group = SignalNames.Of(incident.Group),
        Kind = SignalNames.Of(incident.Kind),
        Priority = SignalNames.Of(incident.Priority),
        State = incident.State,
        MaintainerName = incident.Maintainer?.Name,
        MaintainerEmail = incident.Maintainer?.Email,
        Message = incident.Message,
        Failures = incident.Failures,
        OpenedAt = incident.OpenedAt,
        LastFailureAt = incident.LastFailureAt,
        LastSentAt = incident.LastSentAt,
        ClosedAt = incident.ClosedAt,
        Rule = incident.Rule,
    };

    private static Incident ToIncident(AlertRecord record) => new()
    {
        Id = record.Id,
        Service = record.Service,
        Instance = record.Instance,
        Container = record.Container,
        Group = SignalNames.Parse<IncidentGroup>(record.Group),
        Kind = SignalNames.Parse<SignalKind>(record.Kind),
        Priority = SignalNames.Parse<AlertPriority>(record.Priority),
        Maintainer = record.MaintainerName is { } name && record.MaintainerEmail is { } email ? new Maintainer(name, email) : null,
        Message = record.Message,
        Failures = record.Failures,
        OpenedAt = record.OpenedAt,
        LastFailureAt = record.LastFailureAt ?? record.OpenedAt,
        LastSentAt = record.LastSentAt ?? record.OpenedAt,
        Acknowledged = record.State == "acknowledged",
        Rule = record.Rule,
    };
}
