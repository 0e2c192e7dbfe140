using System.Globalization;
using System.Text;
using Sky.Model;

namespace Sky.Alerts;

/// <summary>Words for notices: <c>[sky] my-application/production is unhealthy</c>, and a body with the details.</summary>
public static class AlertMessages
{
    public static AlertMessage Compose(Notice notice)
    {
        var incident = notice.Incident;
        var subject = $"[sky] {Target(incident)} {State(notice)}";
        var fields = new List<KeyValuePair<string, string>>
        {
            new("service", incident.Service),
            new("instance", incident.Instance),
        };
        Add(fields, "container", incident.Container);
        fields.Add(new("kind", SignalNames.Of(incident.Kind)));
        fields.Add(new("priority", SignalNames.Of(incident.Priority)));
        if (notice.Kind != NoticeKind.Completed)
        {
            fields.Add(new("failures", incident.Failures.ToString(CultureInfo.InvariantCulture)));
            fields.Add(new("opened", Time(incident.OpenedAt)));
        }

        Add(fields, "closed", incident.ClosedAt is { } closed ? Time(closed) : null);
        Add(fields, "maintainer", incident.Maintainer is { } m ? $"{m.Name} <{m.Email}>" : null);
        if (incident.Id > 0)
        {
            fields.Add(new("alert", $"#{incident.Id} (sky alerts)"));
        }

        var body = new StringBuilder();
        body.Append(incident.Message).Append("\n\n");
        foreach (var (name, value) in fields)
        {
            body.Append(name).Append(": ").Append(value).Append('\n');
        }

        var color = notice.Kind switch
        {
            NoticeKind.Resolved or NoticeKind.Completed or NoticeKind.Withdrawn => "good",
            NoticeKind.Announced => "danger",
            _ when incident.Priority == AlertPriority.High => "danger",
            _ => "warning",
        };
        var priority = notice.Priorities.Contains(AlertPriority.High) && notice.Kind is not (NoticeKind.Resolved or NoticeKind.Completed or NoticeKind.Withdrawn) ? AlertPriority.High : AlertPriority.Low;
        return new AlertMessage(subject, body.ToString(), fields, priority, color);
    }

    /// <summary><c>service/instance</c>, or the bare name for a job or a service without instances.</summary>
    public static string Target(Incident incident) => Target(incident.Service, incident.Instance);

    public static string Target(string service, string instance) =>
        instance.Length == 0 || instance == service || instance == Naming.DefaultInstance ? service : $"{service}/{instance}";

    private static string State(Notice notice)
    {
        var incident = notice.Incident;
        var count = incident.Failures.ToString(CultureInfo.InvariantCulture);
        return (notice.Kind, incident.Group) switch
        {
            (NoticeKind.Resolved, IncidentGroup.Job) => "succeeded again",
            (NoticeKind.Resolved, _) => "has recovered",
            (NoticeKind.Completed, _) => "completed",
            (NoticeKind.Announced, IncidentGroup.Deploy) when incident.Kind == SignalKind.ConfigurationRejected => "changed into a configuration with errors: nothing was applied",
            (NoticeKind.Announced, IncidentGroup.Deploy) => "rollout failed",
            (NoticeKind.Withdrawn, _) => "was removed from the configuration",
            (NoticeKind.Opened, IncidentGroup.Health) when incident.Kind == SignalKind.AllEjected => "gets no traffic: the router ejected every container",
            (NoticeKind.Opened, IncidentGroup.Health) => "is unhealthy",
            (NoticeKind.Opened, IncidentGroup.Job) => "failed",
            (NoticeKind.Opened, IncidentGroup.Metric) => $"crossed a metric rule: {incident.Rule}",
            (NoticeKind.Opened, _) when incident.Kind == SignalKind.CrashLooping => "is crash-looping",
            (NoticeKind.Opened, _) when incident.Kind == SignalKind.CannotStart => "cannot start",
            (NoticeKind.Opened, _) => "was restarted",
            (_, IncidentGroup.Health) => $"is still unhealthy ({count} failures in a row)",
            (_, IncidentGroup.Job) => $"is still failing ({count} failed runs in a row)",
            (_, IncidentGroup.Metric) => $"still crosses a metric rule: {incident.Rule} ({count} times in a row)",
            _ when incident.Kind == SignalKind.CrashLooping => $"is crash-looping ({count} restarts)",
            _ when incident.Kind == SignalKind.CannotStart => "still cannot start",
            _ => $"keeps restarting ({count} restarts)",
        };
    }

    private static void Add(List<KeyValuePair<string, string>> fields, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            fields.Add(new(name, value));
        }
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
