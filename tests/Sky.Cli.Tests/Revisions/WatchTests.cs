using System.Text.Json.Nodes;
using Sky.Api.Settings;
using Sky.Testing;
using Sky.Testing.Peers;

namespace Sky.Cli.Tests.Revisions;

/// <summary>
/// <c>sky daemon --watch DIR</c> (<c>watch:</c> in the settings), end to end on the real engine: the folder is applied
/// by itself, a valid edit goes live, an invalid one changes nothing and is told with its errors.
/// </summary>
public sealed class WatchTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sky-watch-").FullName;

    private static string Web(string generation) => $"""
        web:
          image: base:0.7
          command: sleep 600
          env:
            GENERATION: "{generation}"
        """;

    [Fact]
    public async Task A_valid_edit_goes_live_and_an_invalid_one_changes_nothing_and_is_told()
    {
        var services = Path.Combine(folder, "services.yml");
        await File.WriteAllTextAsync(services, Web("1"));
        using var webhook = new WebhookReceiver();
        await using var daemon = await TestDaemon.StartAsync(settings: new DaemonSettings
        {
            Watch = [folder],
            Webhooks = new Sky.Alerts.WebhookSettings { Low = new Uri(webhook.Url), High = new Uri(webhook.Url) },
        });

        // Applied when the daemon starts, as a source named by the folder's path.
        await Eventually.WaitForAsync(() => SourcesAsync(daemon), s => s.Contains(folder, StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the watched folder applied");
        Assert.Equal(0, (await daemon.RunAsync("service", "start", "web")).ExitCode);
        await File.WriteAllTextAsync(services, Web("2"));
        await Eventually.WaitForAsync(() => GenerationAsync(daemon), g => g == "GENERATION=2", TimeSpan.FromSeconds(30), "the edit live");
        var revisions = (await daemon.RunAsync("revision", "list", "-o", "json")).Output;
        var id = (await Docker.InspectAsync(daemon.Name("web"))).GetProperty("Id").GetString();

        await File.WriteAllTextAsync(services, Web("3").Replace("command: sleep 600", "command: [ sleep", StringComparison.Ordinal));

        var post = await webhook.WaitForAsync(p => ((string?)p["text"] ?? "").Contains("configuration with errors", StringComparison.Ordinal), "the rejection on the webhook");
        Assert.Contains(folder, post.ToJsonString(), StringComparison.Ordinal);
        var events = await daemon.RunAsync("events", "-o", "json");
        var rejected = JsonNode.Parse(events.Output)!.AsArray().Single(e => (string?)e!["kind"] == "watch-rejected");
        Assert.Contains("services.yml:", (string?)rejected!["message"], StringComparison.Ordinal);
        Assert.Equal(revisions, (await daemon.RunAsync("revision", "list", "-o", "json")).Output);
        Assert.Equal(id, (await Docker.InspectAsync(daemon.Name("web"))).GetProperty("Id").GetString());
        Assert.Equal("GENERATION=2", await GenerationAsync(daemon));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static async Task<string> SourcesAsync(TestDaemon daemon) => (await daemon.RunAsync("revision", "list", "-o", "json")).Output;

    private static async Task<string?> GenerationAsync(TestDaemon daemon)
    {
        var names = await DockerWitness.ContainerNamesAsync(daemon.Namespace, runningOnly: true);
        if (!names.Contains(daemon.Name("web")) || await Docker.InspectIfThereAsync(daemon.Name("web")) is not { } web)
        {
            return null;
        }

        return web.GetProperty("Config").GetProperty("Env").EnumerateArray()
            .Select(e => e.GetString()).FirstOrDefault(e => e?.StartsWith("GENERATION=", StringComparison.Ordinal) == true);
    }
}
