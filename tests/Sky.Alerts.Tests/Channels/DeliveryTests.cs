using Microsoft.Extensions.Logging.Abstractions;
using Sky.Model;
using Sky.Store;
using Sky.Testing;
using Sky.Testing.Peers;

namespace Sky.Alerts.Tests.Channels;

/// <summary>Alerts reach real peers on loopback: an SMTP server for the maintainer's e-mail, webhooks for chat.</summary>
public sealed class DeliveryTests
{
    private static readonly Maintainer Jane = new("Jane Doe", "jane@example.com");

    [Fact]
    public async Task A_failing_check_reaches_the_maintainer_by_email_and_the_low_webhook_with_service_instance_and_state()
    {
        await using var sink = await SmtpSink.StartAsync();
        using var webhook = new WebhookReceiver();
        using var store = new TestStore();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var (manager, sending) = Start(store, Smtp(sink), new WebhookSettings { Low = new Uri(webhook.Url) }, cancel.Token);

        manager.Signal(new AlertSignal(SignalKind.CheckFailed, "my-application", "production", "my-application-production", Jane, "GET /health answered 500"));

        var mail = await sink.WaitForAsync(m => m.To.Contains("jane@example.com", StringComparison.Ordinal), "the e-mail to the maintainer");
        Assert.Equal("[sky] my-application/production is unhealthy", mail.Subject);
        Assert.Contains("GET /health answered 500", mail.Body, StringComparison.Ordinal);
        Assert.Contains("sky@example.com", mail.Headers["From"], StringComparison.Ordinal);
        var post = await webhook.WaitForAsync(_ => true, "the webhook post");
        Assert.Equal("[sky] my-application/production is unhealthy", (string?)post["text"]);
        var attachment = post["attachments"]![0]!;
        Assert.Equal("warning", (string?)attachment["color"]);
        Assert.Contains(attachment["fields"]!.AsArray(), f => (string?)f!["title"] == "instance" && (string?)f["value"] == "production");
        await cancel.CancelAsync();
        await sending;
    }

    [Fact]
    public async Task Email_with_tls_asked_for_is_not_sent_in_clear_to_a_server_without_starttls()
    {
        await using var sink = await SmtpSink.StartAsync();
        var channel = new EmailChannel(Smtp(sink) with { Tls = true });
        var message = new AlertMessage("[sky] api/production is unhealthy", "port 8080 refused", [], AlertPriority.Low, "warning");

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => channel.SendAsync("jane@example.com", message, CancellationToken.None));

        Assert.Contains("STARTTLS", error.Message, StringComparison.Ordinal);
        Assert.Empty(sink.Messages());
    }

    [Fact]
    public async Task Escalation_posts_to_the_high_webhook_and_recovery_to_both()
    {
        using var low = new WebhookReceiver();
        using var high = new WebhookReceiver();
        using var store = new TestStore();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var (manager, sending) = Start(store, null, new WebhookSettings { Low = new Uri(low.Url), High = new Uri(high.Url) }, cancel.Token);
        var failed = new AlertSignal(SignalKind.CheckFailed, "api", "production", null, Jane, "port 8080 refused");

        manager.Signal(failed);
        manager.Signal(failed);
        manager.Signal(failed);
        await high.WaitForAsync(p => ((string?)p["text"])!.Contains("still unhealthy", StringComparison.Ordinal), "the escalation");
        manager.Signal(failed with { Kind = SignalKind.Recovered, Message = "healthy again" });

        await low.WaitForAsync(p => ((string?)p["text"])!.EndsWith("has recovered", StringComparison.Ordinal), "the recovery on the low channel");
        await high.WaitForAsync(p => ((string?)p["text"])!.EndsWith("has recovered", StringComparison.Ordinal), "the recovery on the high channel");
        Assert.Equal(2, low.Received.Count);
        Assert.Equal(2, high.Received.Count);
        var stored = Assert.Single(store.Alerts.Recent(openOnly: false, 10));
        Assert.Equal(("closed", "high", 3), (stored.State, stored.Priority, stored.Failures));
        await cancel.CancelAsync();
        await sending;
    }

    [Fact]
    public async Task A_webhook_that_fails_the_first_two_attempts_still_receives_the_alert()
    {
        using var webhook = new WebhookReceiver(failFirst: 2);
        using var store = new TestStore();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var (manager, sending) = Start(store, null, new WebhookSettings { Low = new Uri(webhook.Url) }, cancel.Token);

        manager.Signal(new AlertSignal(SignalKind.Restarted, "worker", "production", null, null, "exit 137"));

        var post = await webhook.WaitForAsync(_ => true, "the retried webhook post");
        Assert.Equal("[sky] worker/production was restarted", (string?)post["text"]);
        Assert.Equal(3, webhook.Requests);
        var alert = Assert.Single(store.Alerts.Open());
        var deliveries = await Eventually.GetAsync(() => store.Alerts.Deliveries(alert.Id) is { Count: 3 } all ? all : null, TimeSpan.FromSeconds(5), "the third delivery record");
        Assert.Equal([false, false, true], deliveries.Select(d => d.Delivered));
        Assert.Equal([1, 2, 3], deliveries.Select(d => d.Attempt));
        Assert.All(deliveries, d => Assert.DoesNotContain("secret-token", d.Target, StringComparison.Ordinal));
        await cancel.CancelAsync();
        await sending;
    }

    [Fact]
    public async Task Open_incidents_outlive_a_restart_of_the_daemon()
    {
        using var store = new TestStore();
        var clock = new ManualClock();
        var channels = new AlertChannels(null, new WebhookSettings(), new HttpClient());
        var dispatcher = new AlertDispatcher(store.Alerts, clock, NullLogger<AlertDispatcher>.Instance);
        var first = new AlertManager(new EscalationSettings(), store.Alerts, channels, dispatcher, clock);
        var signal = new AlertSignal(SignalKind.CheckFailed, "api", "production", null, Jane, "port 8080 refused");
        first.Signal(signal);

        var second = new AlertManager(new EscalationSettings(), store.Alerts, channels, dispatcher, clock);
        second.Signal(signal);

        var incident = Assert.Single(second.OpenIncidents);
        Assert.Equal((2, AlertPriority.High, Jane), (incident.Failures, incident.Priority, incident.Maintainer));
        Assert.Single(store.Alerts.Recent(openOnly: false, 10));
    }

    [Fact]
    public void A_notice_no_channel_takes_is_recorded_as_nobody_told_in_its_deliveries_and_the_event_log()
    {
        using var store = new TestStore();
        var events = new EventLog(new TelemetryDatabase(store.Folder), TimeProvider.System);
        var dispatcher = new AlertDispatcher(store.Alerts, TimeProvider.System, NullLogger<AlertDispatcher>.Instance, events: events);
        var manager = new AlertManager(new EscalationSettings(), store.Alerts, new AlertChannels(null, new WebhookSettings(), new HttpClient()), dispatcher, TimeProvider.System);

        manager.Signal(new AlertSignal(SignalKind.JobCompleted, "still-alive", "still-alive", null, Jane, "job still-alive run 1 succeeded", Notify: true));
        manager.Signal(new AlertSignal(SignalKind.Restarted, "web", "production", null, Jane, "exit 137"));

        var alert = Assert.Single(store.Alerts.Open());
        var nobody = Assert.Single(store.Alerts.Deliveries(alert.Id));
        Assert.Equal((AlertManager.NoChannel, false, 0, AlertChannels.NobodyTold), (nobody.Channel, nobody.Delivered, nobody.Attempt, nobody.Error));
        var completed = Assert.Single(store.Alerts.Deliveries(null));
        Assert.Equal(("completed", AlertChannels.NobodyTold), (completed.Notice, completed.Error));
        var said = events.Recent(10).Select(e => (e.Kind, e.Service, e.Message)).ToList();
        Assert.Contains(("notify", "still-alive", "[sky] still-alive completed: no channel configured: nobody was told"), said);
        Assert.Contains(("notify", "web", "[sky] web/production was restarted: no channel configured: nobody was told"), said);
    }

    [Fact]
    public async Task A_webhook_that_keeps_failing_is_recorded_with_its_reason_and_the_event_log_says_it_told_nobody()
    {
        using var webhook = new WebhookReceiver(failFirst: int.MaxValue);
        using var store = new TestStore();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var events = new EventLog(new TelemetryDatabase(store.Folder), TimeProvider.System);
        var retries = new DeliveryRetryOptions { MaxAttempts = 2, FirstDelay = TimeSpan.FromMilliseconds(10) };
        var dispatcher = new AlertDispatcher(store.Alerts, TimeProvider.System, NullLogger<AlertDispatcher>.Instance, retries, events);
        var channels = new AlertChannels(null, new WebhookSettings { Low = new Uri(webhook.Url) }, new HttpClient { Timeout = TimeSpan.FromSeconds(10) });
        var manager = new AlertManager(new EscalationSettings(), store.Alerts, channels, dispatcher, TimeProvider.System);
        var sending = dispatcher.RunAsync(cancel.Token);

        manager.Signal(new AlertSignal(SignalKind.Restarted, "worker", "production", null, null, "exit 137"));

        var gaveUp = await Eventually.GetAsync(() => events.Recent(10).FirstOrDefault(e => e.Kind == "notify"), TimeSpan.FromSeconds(15), "the event of the delivery given up");
        Assert.Equal("[sky] worker/production was restarted: webhook to http://127.0.0.1:" + new Uri(webhook.Url).Port + "/… failed 2 time(s), sky gave up: nobody was told by webhook (the webhook answered 503 Service Unavailable)", gaveUp.Message);
        var deliveries = store.Alerts.Deliveries(Assert.Single(store.Alerts.Open()).Id);
        Assert.Equal([(false, "the webhook answered 503 Service Unavailable"), (false, "the webhook answered 503 Service Unavailable")], deliveries.Select(d => (d.Delivered, d.Error)));
        await cancel.CancelAsync();
        await sending;
    }

    private static SmtpSettings Smtp(SmtpSink sink) => new() { Host = "127.0.0.1", Port = sink.Port, Sender = "sky@example.com" };

    private static (AlertManager Manager, Task Sending) Start(TestStore store, SmtpSettings? smtp, WebhookSettings webhooks, CancellationToken cancellationToken)
    {
        var channels = new AlertChannels(smtp, webhooks, new HttpClient { Timeout = TimeSpan.FromSeconds(10) });
        var dispatcher = new AlertDispatcher(store.Alerts, TimeProvider.System, NullLogger<AlertDispatcher>.Instance);
        var manager = new AlertManager(new EscalationSettings(), store.Alerts, channels, dispatcher, TimeProvider.System);
        return (manager, dispatcher.RunAsync(cancellationToken));
    }
}
