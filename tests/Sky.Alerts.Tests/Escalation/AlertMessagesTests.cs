using Sky.Model;

namespace Sky.Alerts.Tests.Escalation;

/// <summary>Subjects name the service, the instance and the state, so the inbox reads like a status page.</summary>
public sealed class AlertMessagesTests
{
    [Theory]
    [InlineData(NoticeKind.Opened, SignalKind.Unhealthy, "[sky] my-application/production is unhealthy")]
    [InlineData(NoticeKind.Escalated, SignalKind.CheckFailed, "[sky] my-application/production is still unhealthy (2 failures in a row)")]
    [InlineData(NoticeKind.Opened, SignalKind.CrashLooping, "[sky] my-application/production is crash-looping")]
    [InlineData(NoticeKind.Opened, SignalKind.Restarted, "[sky] my-application/production was restarted")]
    [InlineData(NoticeKind.Resolved, SignalKind.CheckFailed, "[sky] my-application/production has recovered")]
    public void The_subject_names_service_instance_and_state(NoticeKind kind, SignalKind signal, string subject)
    {
        var incident = new Incident
        {
            Service = "my-application",
            Instance = "production",
            Group = SignalNames.GroupOf(signal),
            Kind = signal,
            Message = "GET /health answered 500",
            Failures = 2,
            Maintainer = new Maintainer("Jane Doe", "jane@example.com"),
        };

        var message = AlertMessages.Compose(new Notice(kind, incident, [AlertPriority.Low]));

        Assert.Equal(subject, message.Subject);
        Assert.StartsWith("GET /health answered 500\n", message.Body, StringComparison.Ordinal);
        Assert.Contains("maintainer: Jane Doe <jane@example.com>", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_job_is_named_once()
    {
        var incident = new Incident { Service = "backup", Instance = "backup", Group = IncidentGroup.Job, Kind = SignalKind.JobFailed, Message = "exit 2" };

        Assert.Equal("[sky] backup failed", AlertMessages.Compose(new Notice(NoticeKind.Opened, incident, [AlertPriority.Low])).Subject);
    }

    [Fact]
    public void A_service_without_instances_is_named_without_its_default_instance()
    {
        var incident = new Incident { Service = "web", Instance = Naming.DefaultInstance, Group = IncidentGroup.Health, Kind = SignalKind.Unhealthy, Message = "GET /health answered 404" };

        Assert.Equal("[sky] web is unhealthy", AlertMessages.Compose(new Notice(NoticeKind.Opened, incident, [AlertPriority.Low])).Subject);
    }
}
