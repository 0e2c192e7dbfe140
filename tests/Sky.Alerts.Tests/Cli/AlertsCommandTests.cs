using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Sky.Api.Settings;
using Sky.Contracts;
using Sky.Model;
using Sky.Testing.Peers;

namespace Sky.Alerts.Tests.Cli;

/// <summary><c>sky alerts</c> and <c>GET /api/v1/alerts</c>: what was raised, to whom, and whether it is still open.</summary>
public sealed class AlertsCommandTests
{
    private static readonly AlertSignal Failed = new(SignalKind.CheckFailed, "my-application", "production", "my-application-production", new Maintainer("Jane Doe", "jane@example.com"), "GET /health answered 500");

    [Fact]
    public async Task Open_alerts_are_listed_and_closed_ones_only_with_all()
    {
        using var webhook = new WebhookReceiver();
        await using var daemon = await AlertDaemon.StartAsync(new DaemonSettings { Webhooks = new WebhookSettings { Low = new Uri(webhook.Url) } });
        var sink = daemon.Services.GetRequiredService<IAlertSink>();
        var failed = new AlertSignal(SignalKind.CheckFailed, "my-application", "production", "my-application-production", new Maintainer("Jane Doe", "jane@example.com"), "GET /health answered 500");

        sink.Signal(failed);
        await webhook.WaitForAsync(_ => true, "the alert");
        var open = await daemon.RunAsync("alerts");

        Assert.True(open.ExitCode == 0, open.Error);
        var lines = open.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["ID", "SERVICE/INSTANCE", "KIND", "PRIORITY", "STATE", "OPENED", "LAST", "SENT", "TOLD"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var row = Assert.Single(lines, l => l.Contains("my-application/production", StringComparison.Ordinal));
        Assert.Equal(["1", "my-application/production", "check-failed", "low", "open"], row.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..5]);

        sink.Signal(failed with { Kind = SignalKind.Recovered, Message = "healthy again" });
        Assert.Equal("no open alerts", (await daemon.RunAsync("alerts")).Output.Trim());
        var all = await daemon.RunAsync("alerts", "--all", "--output", "json");

        var alert = Assert.Single(JsonDocument.Parse(all.Output).RootElement.EnumerateArray());
        Assert.Equal("closed", alert.GetProperty("state").GetString());
        Assert.Equal("jane@example.com", alert.GetProperty("maintainerEmail").GetString());
    }

    [Fact]
    public async Task With_no_channel_configured_an_alert_says_nobody_was_told()
    {
        await using var daemon = await AlertDaemon.StartAsync(new DaemonSettings());
        daemon.Services.GetRequiredService<IAlertSink>().Signal(Failed);

        var table = await daemon.RunAsync("alerts");
        var json = await daemon.RunAsync("alerts", "-o", "json");

        Assert.EndsWith("no channel configured: nobody was told", Assert.Single(Lines(table.Output), l => l.StartsWith('1')), StringComparison.Ordinal);
        var delivery = Assert.Single(JsonDocument.Parse(json.Output).RootElement[0].GetProperty("deliveries").EnumerateArray());
        Assert.Equal(("none", false), (delivery.GetProperty("channel").GetString(), delivery.GetProperty("delivered").GetBoolean()));
    }

    [Fact]
    public async Task An_alert_says_which_channel_told_the_maintainer_and_why_another_did_not()
    {
        await using var sink = await SmtpSink.StartAsync();
        using var refusing = new WebhookReceiver(failFirst: int.MaxValue);
        await using var daemon = await AlertDaemon.StartAsync(new DaemonSettings
        {
            Smtp = new SmtpSettings { Host = "127.0.0.1", Port = sink.Port, Sender = "sky@example.com" },
            Webhooks = new WebhookSettings { Low = new Uri(refusing.Url) },
        });
        daemon.Services.GetRequiredService<IAlertSink>().Signal(Failed);
        await sink.WaitForAsync(_ => true, "the alert e-mail");
        await Sky.Testing.Eventually.WaitForAsync(() => Task.FromResult(refusing.Requests), n => n > 0, TimeSpan.FromSeconds(15), "the webhook attempt");

        var row = await Sky.Testing.Eventually.WaitForAsync(
            async () => Assert.Single(Lines((await daemon.RunAsync("alerts")).Output), l => l.StartsWith('1')),
            l => l.Contains("webhook failed", StringComparison.Ordinal),
            TimeSpan.FromSeconds(15),
            "both outcomes in the table");
        var show = await daemon.RunAsync("alerts", "show", "1");

        Assert.EndsWith("email ok, webhook failed: the webhook answered 503 Service Unavailable", row, StringComparison.Ordinal);
        Assert.True(show.ExitCode == 0, show.Error);
        var lines = Lines(show.Output);
        Assert.Equal("alert #1: my-application/production check-failed (low, open)", lines[0]);
        Assert.Equal("GET /health answered 500", lines[1]);
        Assert.Contains("told: email ok, webhook failed: the webhook answered 503 Service Unavailable", lines);
        Assert.Contains(lines, l => l.Contains("opened  email", StringComparison.Ordinal) && l.EndsWith("delivered", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("opened  webhook", StringComparison.Ordinal) && l.EndsWith("the webhook answered 503 Service Unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_acknowledged_alert_stays_open_and_a_closed_one_leaves_the_open_list_for_good()
    {
        await using var daemon = await AlertDaemon.StartAsync(new DaemonSettings());
        daemon.Services.GetRequiredService<IAlertSink>().Signal(Failed);

        var ack = await daemon.RunAsync("alerts", "ack", "1");

        Assert.True(ack.ExitCode == 0, ack.Error);
        Assert.Equal("alert #1 acknowledged: no more reminders or escalation; it closes when my-application/production recovers", ack.Output.Trim());
        Assert.Equal(["1", "my-application/production", "check-failed", "low", "acknowledged"], Assert.Single(Lines((await daemon.RunAsync("alerts")).Output), l => l.StartsWith('1')).Split(' ', StringSplitOptions.RemoveEmptyEntries)[..5]);

        // A second failure would escalate an open alert; an acknowledged one stays where it is.
        daemon.Services.GetRequiredService<IAlertSink>().Signal(Failed);
        var again = JsonDocument.Parse((await daemon.RunAsync("alerts", "-o", "json")).Output).RootElement[0];
        Assert.Equal(("low", "acknowledged", 2), (again.GetProperty("priority").GetString(), again.GetProperty("state").GetString(), again.GetProperty("failures").GetInt32()));

        var close = await daemon.RunAsync("alerts", "close", "1");

        Assert.Equal((0, "alert #1 closed"), (close.ExitCode, close.Output.Trim()));
        Assert.Equal("no open alerts", (await daemon.RunAsync("alerts")).Output.Trim());
        var twice = await daemon.RunAsync("alerts", "close", "1");
        Assert.Equal((1, "error: alert #1 is closed already"), (twice.ExitCode, twice.Error.Trim()));
        var unknown = await daemon.RunAsync("alerts", "ack", "99");
        Assert.Equal(4, unknown.ExitCode);
        Assert.Contains("no alert #99", unknown.Error, StringComparison.Ordinal);

        // The next failure is a new alert.
        daemon.Services.GetRequiredService<IAlertSink>().Signal(Failed);
        Assert.Equal(2, JsonDocument.Parse((await daemon.RunAsync("alerts", "-o", "json")).Output).RootElement[0].GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task The_alerts_of_a_service_removed_from_the_configuration_close_themselves()
    {
        await using var daemon = await AlertDaemon.StartAsync(new DaemonSettings());
        var folder = Directory.CreateTempSubdirectory("sky-alerts-config-").FullName;
        var path = Path.Combine(folder, "services.yml");
        await File.WriteAllTextAsync(path, "web:\n  image: base:0.7\nother:\n  image: base:0.7\n");
        Assert.Equal(0, (await daemon.RunAsync("apply", path)).ExitCode);
        var sink = daemon.Services.GetRequiredService<IAlertSink>();
        sink.Signal(Failed with { Service = "web", Instance = "default" });
        sink.Signal(Failed with { Service = "other", Instance = "default" });

        await File.WriteAllTextAsync(path, "other:\n  image: base:0.7\n");
        Assert.Equal(0, (await daemon.RunAsync("apply", path)).ExitCode);

        var all = await Sky.Testing.Eventually.WaitForAsync(
            async () => JsonDocument.Parse((await daemon.RunAsync("alerts", "--all", "-o", "json")).Output).RootElement.EnumerateArray().ToList(),
            alerts => alerts.Any(a => a.GetProperty("state").GetString() == "closed"),
            TimeSpan.FromSeconds(10),
            "web's alert closed");
        var web = Assert.Single(all, a => a.GetProperty("service").GetString() == "web");
        Assert.Equal(("closed", "web is no longer in the configuration: the alert closes"), (web.GetProperty("state").GetString(), web.GetProperty("message").GetString()));
        Assert.Equal("open", Assert.Single(all, a => a.GetProperty("service").GetString() == "other").GetProperty("state").GetString());
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task An_unknown_state_is_a_bad_request()
    {
        await using var daemon = await AlertDaemon.StartAsync(new DaemonSettings());
        using var http = new HttpClient();

        using var response = await http.GetAsync($"{daemon.Address}/api/v1/alerts?state=sleeping");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("state 'sleeping' is not open or all", (await response.Content.ReadFromJsonAsync(SkyJson.Info<ApiError>()))!.Error);
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
