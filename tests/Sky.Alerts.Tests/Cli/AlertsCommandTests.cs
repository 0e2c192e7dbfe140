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
        Assert.Equal(["ID", "SERVICE/INSTANCE", "KIND", "PRIORITY", "STATE", "OPENED", "LAST", "SENT"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
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
    public async Task An_unknown_state_is_a_bad_request()
    {
        await using var daemon = await AlertDaemon.StartAsync(new DaemonSettings());
        using var http = new HttpClient();

        using var response = await http.GetAsync($"{daemon.Address}/api/v1/alerts?state=sleeping");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("state 'sleeping' is not open or all", (await response.Content.ReadFromJsonAsync<ApiError>())!.Error);
    }
}
