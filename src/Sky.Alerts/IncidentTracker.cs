namespace Sky.Alerts;

/// <summary>
/// The decisions, without I/O: which signal opens, escalates, reminds of or closes which incident. One incident per
/// (service, instance, group), so a check failing every five seconds sends one message, not one every five seconds.
/// Not thread-safe: <see cref="AlertManager"/> serialises calls.
/// </summary>
public sealed class IncidentTracker(EscalationSettings settings)
{
    private readonly Dictionary<(string Service, string Instance, IncidentGroup Group, string Rule), Incident> open = [];

    public IReadOnlyCollection<Incident> Open => open.Values;

    /// <summary>Takes back an incident that was open when the daemon stopped.</summary>
    public void Restore(Incident incident) => open[Key(incident)] = incident;

    /// <summary>Records the stored id of an open incident.</summary>
    public Incident Identify(Incident incident, long id)
    {
        var identified = incident with { Id = id };
        if (open.ContainsKey(Key(incident)))
        {
            open[Key(incident)] = identified;
        }

        return identified;
    }

    public IReadOnlyList<Notice> Signal(AlertSignal signal, DateTimeOffset now) => signal.Kind switch
    {
        SignalKind.Recovered => Close(signal, now, [IncidentGroup.Health, IncidentGroup.Restarts]),
        SignalKind.MetricRecovered => Close(signal, now, [IncidentGroup.Metric]),
        SignalKind.JobCompleted => CompleteJob(signal, now),
        SignalKind.RolloutFailed or SignalKind.ConfigurationRejected => [Announce(signal, now)],
        _ => Fail(signal, now),
    };

    /// <summary>Reminders for incidents that stayed open, quiet and unacknowledged for the whole quiet period.</summary>
    public IReadOnlyList<Notice> Due(DateTimeOffset now)
    {
        var notices = new List<Notice>();
        foreach (var (key, incident) in open.ToList())
        {
            if (!incident.Acknowledged && now - incident.LastSentAt >= settings.ReminderAfter)
            {
                var reminded = incident with { LastSentAt = now };
                open[key] = reminded;
                notices.Add(new Notice(NoticeKind.Reminder, reminded, reminded.Reached));
            }
        }

        return notices;
    }

    private List<Notice> Fail(AlertSignal signal, DateTimeOffset now)
    {
        var key = (signal.Service, signal.Instance, SignalNames.GroupOf(signal.Kind), signal.Rule ?? "");
        // A crash loop is already the repeated failure escalation waits for.
        var urgent = signal.Kind == SignalKind.CrashLooping;
        if (!open.TryGetValue(key, out var incident))
        {
            var opened = new Incident
            {
                Service = signal.Service,
                Instance = signal.Instance,
                Group = key.Item3,
                Kind = signal.Kind,
                Container = signal.Container,
                Rule = signal.Rule,
                Maintainer = signal.Maintainer,
                Message = signal.Message,
                Priority = urgent || settings.HighAfter <= 1 ? AlertPriority.High : AlertPriority.Low,
                OpenedAt = now,
                LastFailureAt = now,
                LastSentAt = now,
            };
            open[key] = opened;
            return [new Notice(NoticeKind.Opened, opened, opened.Reached)];
        }

        var failures = incident.Failures + 1;
        // Someone acknowledged it: they know, so it is counted but goes no higher.
        var escalate = !incident.Acknowledged && incident.Priority == AlertPriority.Low && (urgent || failures >= settings.HighAfter);
        var updated = incident with
        {
            Kind = signal.Kind,
            Container = signal.Container ?? incident.Container,
            Maintainer = signal.Maintainer ?? incident.Maintainer,
            Message = signal.Message,
            Failures = failures,
            LastFailureAt = now,
            Priority = escalate ? AlertPriority.High : incident.Priority,
            LastSentAt = escalate ? now : incident.LastSentAt,
        };
        open[key] = updated;
        return escalate ? [new Notice(NoticeKind.Escalated, updated, [AlertPriority.High])] : [new Notice(NoticeKind.Repeated, updated, [])];
    }

    /// <summary>The open incident stored as <paramref name="id"/>, marked acknowledged; null when no open incident has that id.</summary>
    public Incident? Acknowledge(long id)
    {
        if (Find(id) is not { } key)
        {
            return null;
        }

        var acknowledged = open[key] with { Acknowledged = true };
        open[key] = acknowledged;
        return acknowledged;
    }

    /// <summary>Closes by hand the open incident stored as <paramref name="id"/>, quietly (the person closing it knows); null when none.</summary>
    public Incident? Close(long id, DateTimeOffset now) =>
        Find(id) is { } key && open.Remove(key, out var incident) ? incident with { ClosedAt = now } : null;

    /// <summary>
    /// Closes every open incident of a service or job that is not in <paramref name="names"/> (the configuration now
    /// applied): it cannot recover, so nothing else would ever close it. Those who heard of it are told it is over.
    /// </summary>
    public IReadOnlyList<Notice> Withdraw(IReadOnlySet<string> names, DateTimeOffset now)
    {
        var notices = new List<Notice>();
        foreach (var (key, incident) in open.Where(o => !names.Contains(o.Key.Service)).ToList())
        {
            open.Remove(key);
            var message = $"{incident.Service} is no longer in the configuration: the alert closes";
            var closed = incident with { ClosedAt = now, LastSentAt = now, Message = message };
            notices.Add(new Notice(NoticeKind.Withdrawn, closed, closed.Reached));
        }

        return notices;
    }

    /// <summary>
    /// Closes the instance's incidents of these groups. One recovery sends one message: the first incident closed
    /// carries it to every channel any of them reached; the others are closed quietly (stored, not sent again).
    /// </summary>
    private List<Notice> Close(AlertSignal signal, DateTimeOffset now, IncidentGroup[] groups)
    {
        var closed = new List<Incident>();
        foreach (var group in groups)
        {
            if (open.Remove((signal.Service, signal.Instance, group, group == IncidentGroup.Metric ? signal.Rule ?? "" : ""), out var incident))
            {
                closed.Add(incident with { ClosedAt = now, LastSentAt = now, Message = signal.Message });
            }
        }

        var reached = closed.SelectMany(i => i.Reached).Distinct().Order().ToList();
        return closed.Select((incident, index) => new Notice(NoticeKind.Resolved, incident, index == 0 ? reached : [])).ToList();
    }

    private List<Notice> CompleteJob(AlertSignal signal, DateTimeOffset now)
    {
        var notices = Close(signal, now, [IncidentGroup.Job]);
        if (notices.Count == 0 && signal.Notify)
        {
            notices.Add(OneShot(NoticeKind.Completed, signal, now, failures: 0));
        }

        return notices;
    }

    private static Notice Announce(AlertSignal signal, DateTimeOffset now) => OneShot(NoticeKind.Announced, signal, now, failures: 1);

    /// <summary>A notice told once about an incident that opens and closes at once: nothing stays open to follow.</summary>
    private static Notice OneShot(NoticeKind kind, AlertSignal signal, DateTimeOffset now, int failures) => new(
        kind,
        new Incident
        {
            Service = signal.Service,
            Instance = signal.Instance,
            Group = SignalNames.GroupOf(signal.Kind),
            Kind = signal.Kind,
            Container = signal.Container,
            Maintainer = signal.Maintainer,
            Message = signal.Message,
            Failures = failures,
            OpenedAt = now,
            LastFailureAt = now,
            LastSentAt = now,
            ClosedAt = now,
        },
        [AlertPriority.Low]);

    private static (string, string, IncidentGroup, string) Key(Incident incident) => (incident.Service, incident.Instance, incident.Group, incident.Rule ?? "");

    private (string Service, string Instance, IncidentGroup Group, string Rule)? Find(long id) =>
        open.Where(o => o.Value.Id == id && id > 0).Select(o => ((string, string, IncidentGroup, string)?)o.Key).FirstOrDefault();
}
