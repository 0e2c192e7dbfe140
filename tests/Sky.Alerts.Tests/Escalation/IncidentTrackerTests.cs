using Sky.Model;

namespace Sky.Alerts.Tests.Escalation;

/// <summary>Escalation on a clock that moves only when told: one incident per trouble, never a storm.</summary>
public sealed class IncidentTrackerTests
{
    private static readonly Maintainer Jane = new("Jane Doe", "jane@example.com");
    private readonly ManualClock clock = new();
    private readonly IncidentTracker tracker = new(new EscalationSettings { HighAfter = 2, ReminderAfter = TimeSpan.FromHours(1) });

    [Fact]
    public void The_first_failure_opens_an_incident_on_the_low_priority_channel_only()
    {
        var notice = Assert.Single(Signal(SignalKind.CheckFailed));

        Assert.Equal(NoticeKind.Opened, notice.Kind);
        Assert.Equal([AlertPriority.Low], notice.Priorities);
        Assert.Equal(AlertPriority.Low, notice.Incident.Priority);
        Assert.Equal(1, notice.Incident.Failures);
    }

    [Fact]
    public void The_second_consecutive_failure_reaches_the_high_priority_channel_too()
    {
        Signal(SignalKind.CheckFailed);
        clock.Advance(TimeSpan.FromSeconds(5));

        var notice = Assert.Single(Signal(SignalKind.Unhealthy));

        Assert.Equal(NoticeKind.Escalated, notice.Kind);
        Assert.Equal([AlertPriority.High], notice.Priorities);
        Assert.Equal(AlertPriority.High, notice.Incident.Priority);
        Assert.Equal(2, notice.Incident.Failures);
    }

    [Fact]
    public void Repeated_failures_send_nothing_more_once_escalated()
    {
        Signal(SignalKind.CheckFailed);
        Signal(SignalKind.CheckFailed);
        var later = new List<Notice>();
        for (var i = 0; i < 50; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            later.AddRange(Signal(SignalKind.CheckFailed));
        }

        Assert.All(later, n => Assert.Equal(NoticeKind.Repeated, n.Kind));
        Assert.All(later, n => Assert.Empty(n.Priorities));
        Assert.Equal(52, Assert.Single(tracker.Open).Failures);
    }

    [Fact]
    public void A_higher_threshold_keeps_repeated_failures_on_the_low_channel_until_it_is_reached()
    {
        var patient = new IncidentTracker(new EscalationSettings { HighAfter = 3 });
        var now = clock.GetUtcNow();
        var signal = new AlertSignal(SignalKind.CheckFailed, "api", "production", null, Jane, "check failed");

        var kinds = Enumerable.Range(0, 3).Select(_ => Assert.Single(patient.Signal(signal, now)).Kind).ToList();

        Assert.Equal([NoticeKind.Opened, NoticeKind.Repeated, NoticeKind.Escalated], kinds);
    }

    [Fact]
    public void A_still_open_incident_is_brought_up_again_after_the_quiet_period_and_not_before()
    {
        Signal(SignalKind.CheckFailed);
        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Empty(tracker.Due(clock.GetUtcNow()));

        clock.Advance(TimeSpan.FromMinutes(1));
        var reminder = Assert.Single(tracker.Due(clock.GetUtcNow()));

        Assert.Equal(NoticeKind.Reminder, reminder.Kind);
        Assert.Equal([AlertPriority.Low], reminder.Priorities);
        Assert.Empty(tracker.Due(clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Single(tracker.Due(clock.GetUtcNow()));
    }

    [Fact]
    public void An_escalation_restarts_the_quiet_period()
    {
        Signal(SignalKind.CheckFailed);
        clock.Advance(TimeSpan.FromMinutes(30));
        Signal(SignalKind.CheckFailed);
        clock.Advance(TimeSpan.FromMinutes(45));

        Assert.Empty(tracker.Due(clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal([AlertPriority.Low, AlertPriority.High], Assert.Single(tracker.Due(clock.GetUtcNow())).Priorities);
    }

    [Fact]
    public void Recovery_closes_the_incident_and_tells_every_channel_it_reached()
    {
        Signal(SignalKind.CheckFailed);
        Signal(SignalKind.Unhealthy);
        clock.Advance(TimeSpan.FromMinutes(3));

        var notice = Assert.Single(Signal(SignalKind.Recovered));

        Assert.Equal(NoticeKind.Resolved, notice.Kind);
        Assert.Equal([AlertPriority.Low, AlertPriority.High], notice.Priorities);
        Assert.Equal(clock.GetUtcNow(), notice.Incident.ClosedAt);
        Assert.Empty(tracker.Open);
        Assert.Empty(tracker.Due(clock.GetUtcNow() + TimeSpan.FromDays(1)));
    }

    [Fact]
    public void Recovery_of_an_incident_that_stayed_low_tells_the_low_channel_only()
    {
        Signal(SignalKind.Restarted);

        Assert.Equal([AlertPriority.Low], Assert.Single(Signal(SignalKind.Recovered)).Priorities);
    }

    [Fact]
    public void A_recovery_that_closes_health_and_restarts_together_sends_one_message_to_every_channel_either_reached()
    {
        Signal(SignalKind.CheckFailed);
        Signal(SignalKind.Unhealthy);
        Signal(SignalKind.Restarted);

        var notices = Signal(SignalKind.Recovered);

        Assert.Equal(2, notices.Count);
        Assert.All(notices, n => Assert.Equal(NoticeKind.Resolved, n.Kind));
        Assert.Equal([AlertPriority.Low, AlertPriority.High], notices[0].Priorities);
        Assert.Empty(notices[1].Priorities);
        Assert.Empty(tracker.Open);
    }

    [Fact]
    public void A_recovery_without_an_open_incident_sends_nothing()
    {
        Assert.Empty(Signal(SignalKind.Recovered));
    }

    [Fact]
    public void A_new_failure_after_recovery_opens_a_new_incident_on_the_low_channel()
    {
        Signal(SignalKind.CheckFailed);
        Signal(SignalKind.CheckFailed);
        Signal(SignalKind.Recovered);
        clock.Advance(TimeSpan.FromMinutes(10));

        var notice = Assert.Single(Signal(SignalKind.CheckFailed));

        Assert.Equal(NoticeKind.Opened, notice.Kind);
        Assert.Equal([AlertPriority.Low], notice.Priorities);
        Assert.Equal(1, notice.Incident.Failures);
        Assert.Equal(clock.GetUtcNow(), notice.Incident.OpenedAt);
    }

    [Fact]
    public void Health_and_restarts_of_one_instance_are_separate_incidents_and_other_instances_do_not_count()
    {
        Assert.Equal(NoticeKind.Opened, Assert.Single(Signal(SignalKind.CheckFailed)).Kind);
        Assert.Equal(NoticeKind.Opened, Assert.Single(Signal(SignalKind.Restarted)).Kind);
        Assert.Equal(NoticeKind.Opened, Assert.Single(Signal(SignalKind.CheckFailed, instance: "dev")).Kind);

        Assert.Equal(3, tracker.Open.Count);
    }

    [Fact]
    public void A_crash_loop_goes_to_the_high_priority_channel_at_once()
    {
        Signal(SignalKind.Restarted);

        var notice = Assert.Single(Signal(SignalKind.CrashLooping));

        Assert.Equal(NoticeKind.Escalated, notice.Kind);
        Assert.Equal(SignalKind.CrashLooping, notice.Incident.Kind);
    }

    [Fact]
    public void A_job_that_succeeds_after_failing_closes_its_incident()
    {
        Assert.Equal(NoticeKind.Opened, Assert.Single(Signal(SignalKind.JobFailed, service: "backup", instance: "backup")).Kind);

        var notice = Assert.Single(Signal(SignalKind.JobCompleted, service: "backup", instance: "backup"));

        Assert.Equal(NoticeKind.Resolved, notice.Kind);
        Assert.Empty(tracker.Open);
    }

    [Fact]
    public void A_completed_job_notifies_only_when_it_asks_to()
    {
        Assert.Empty(Signal(SignalKind.JobCompleted, service: "backup", instance: "backup"));

        var notice = Assert.Single(tracker.Signal(new AlertSignal(SignalKind.JobCompleted, "backup", "backup", null, Jane, "exit 0", Notify: true), clock.GetUtcNow()));

        Assert.Equal(NoticeKind.Completed, notice.Kind);
        Assert.Empty(tracker.Open);
    }

    [Fact]
    public void An_acknowledged_incident_gets_no_reminders_and_no_escalation_and_still_closes_on_recovery()
    {
        tracker.Identify(Assert.Single(Signal(SignalKind.CheckFailed)).Incident, 7);

        var acknowledged = tracker.Acknowledge(7);

        Assert.Equal(("acknowledged", true), (acknowledged!.State, acknowledged.IsOpen));
        var repeated = Assert.Single(Signal(SignalKind.Unhealthy));
        Assert.Equal((NoticeKind.Repeated, AlertPriority.Low, 2), (repeated.Kind, repeated.Incident.Priority, repeated.Incident.Failures));
        Assert.Empty(repeated.Priorities);
        Assert.Empty(tracker.Due(clock.GetUtcNow() + TimeSpan.FromDays(1)));
        var resolved = Assert.Single(Signal(SignalKind.Recovered));
        Assert.Equal((NoticeKind.Resolved, "closed"), (resolved.Kind, resolved.Incident.State));
    }

    [Fact]
    public void Closing_an_incident_by_hand_sends_nothing_and_the_next_failure_opens_a_new_one()
    {
        tracker.Identify(Assert.Single(Signal(SignalKind.Restarted)).Incident, 3);

        var closed = tracker.Close(3, clock.GetUtcNow());

        Assert.Equal(("closed", clock.GetUtcNow()), (closed!.State, closed.ClosedAt));
        Assert.Empty(tracker.Open);
        Assert.Null(tracker.Close(3, clock.GetUtcNow()));
        Assert.Null(tracker.Acknowledge(3));
        Assert.Equal(NoticeKind.Opened, Assert.Single(Signal(SignalKind.Restarted)).Kind);
    }

    [Fact]
    public void Incidents_of_what_the_configuration_no_longer_has_close_and_tell_whoever_heard_of_them()
    {
        Signal(SignalKind.CheckFailed);
        Signal(SignalKind.CheckFailed);
        Signal(SignalKind.JobFailed, service: "backup", instance: "backup");
        Signal(SignalKind.Restarted, service: "kept");

        var notices = tracker.Withdraw(new HashSet<string> { "kept", "backup" }, clock.GetUtcNow());

        var withdrawn = Assert.Single(notices);
        Assert.Equal((NoticeKind.Withdrawn, "closed"), (withdrawn.Kind, withdrawn.Incident.State));
        Assert.Equal([AlertPriority.Low, AlertPriority.High], withdrawn.Priorities);
        Assert.Equal("my-application is no longer in the configuration: the alert closes", withdrawn.Incident.Message);
        Assert.Equal("[sky] my-application/production was removed from the configuration", AlertMessages.Compose(withdrawn).Subject);
        Assert.Equal(["backup", "kept"], tracker.Open.Select(i => i.Service).Order(StringComparer.Ordinal));
    }

    private IReadOnlyList<Notice> Signal(SignalKind kind, string service = "my-application", string instance = "production") =>
        tracker.Signal(new AlertSignal(kind, service, instance, $"{service}-{instance}", Jane, $"{kind} at {clock.GetUtcNow():O}"), clock.GetUtcNow());
}
