using System.Text.Json.Nodes;
using Sky.Alerts;
using Sky.Api.Settings;
using Sky.Testing;
using Sky.Testing.Peers;

namespace Sky.Cli.Tests.Supervision;

/// <summary>
/// From the supervisor to the maintainer's inbox, on the real engine with a real SMTP sink and webhook receivers:
/// a check that starts failing is mailed, escalated to the high-priority webhook, and closed by a recovery notice.
/// </summary>
public sealed class AlertingTests
{
    // The check keeps the daemon's defaults (interval 5 s, 2 retries): the alert must be quick without tuning.
    private const string Web = """
        web:
          maintainer:
            name: Jane Doe
            email: jane@example.com
          image: my-application
          ports: [ 8080 ]
          checks:
            - http: /health
              port: 8080
          instances:
            production:
              version: 1.0-SNAPSHOT
        """;

    [Fact]
    public async Task A_failing_check_mails_the_maintainer_escalates_to_the_high_priority_webhook_and_sends_a_recovery_notice()
    {
        await using var sink = await SmtpSink.StartAsync();
        using var low = new WebhookReceiver();
        using var high = new WebhookReceiver();
        await using var daemon = await TestDaemon.StartAsync(settings: new DaemonSettings
        {
            Smtp = new SmtpSettings { Host = "127.0.0.1", Port = sink.Port, Sender = "sky@example.com" },
            Webhooks = new WebhookSettings { Low = new Uri(low.Url), High = new Uri(high.Url) },
        });
        Assert.Equal(0, (await daemon.RunAsync("apply", ConfigFile.Write(Web))).ExitCode);
        Assert.Equal(0, (await daemon.RunAsync("service", "start", "web")).ExitCode);
        var name = daemon.Name("web-production");
        await Eventually.WaitForAsync(() => ContainerFacts.ReadAsync(daemon, "web", name), f => f.Health == "healthy", TimeSpan.FromSeconds(15), "healthy");
        Assert.Empty(sink.Messages());

        await Docker.RunAsync("exec", name, "rm", "/www/health");

        var first = await sink.WaitForAsync(m => m.Subject.Contains("is unhealthy", StringComparison.Ordinal), "the first alert e-mail");
        Assert.Equal("[sky] web/production is unhealthy", first.Subject);
        Assert.Contains("jane@example.com", first.To, StringComparison.Ordinal);
        Assert.Contains("priority: low", first.Body, StringComparison.Ordinal);
        var lowPost = await low.WaitForAsync(p => Text(p).Contains("is unhealthy", StringComparison.Ordinal), "the low-priority webhook post");
        Assert.Equal("warning", (string?)lowPost["attachments"]![0]!["color"]);

        var escalated = await high.WaitForAsync(p => Text(p).Contains("still unhealthy", StringComparison.Ordinal), "the high-priority webhook post");
        Assert.Equal("danger", (string?)escalated["attachments"]![0]!["color"]);
        var urgent = await sink.WaitForAsync(m => m.Subject.Contains("still unhealthy", StringComparison.Ordinal), "the escalated e-mail");
        Assert.Contains("priority: high", urgent.Body, StringComparison.Ordinal);

        // The supervisor replaces the unhealthy container with a fresh one whose check passes: the incident closes.
        var recovered = await sink.WaitForAsync(m => m.Subject == "[sky] web/production has recovered", "the recovery e-mail");
        Assert.Contains("jane@example.com", recovered.To, StringComparison.Ordinal);
        await low.WaitForAsync(p => Text(p).Contains("has recovered", StringComparison.Ordinal), "the recovery webhook post");
        Assert.Single(sink.Messages(), m => m.Subject.Contains("is unhealthy", StringComparison.Ordinal));
        // The health and the restart incidents close together: one recovery message, not one each.
        Assert.Single(sink.Messages(), m => m.Subject.Contains("has recovered", StringComparison.Ordinal));

        var open = await daemon.RunAsync("alerts", "--output", "json");
        Assert.Empty(JsonNode.Parse(open.Output)!.AsArray());
        var alerts = await daemon.RunAsync("alerts", "--all", "--output", "json");
        Assert.Equal(0, alerts.ExitCode);
        var health = JsonNode.Parse(alerts.Output)!.AsArray().Single(a => (string?)a!["group"] == "health");
        Assert.Equal("closed", (string?)health!["state"]);
    }

    private static string Text(JsonObject post) => (string?)post["text"] ?? "";
}
