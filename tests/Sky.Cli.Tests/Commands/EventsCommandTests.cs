using System.Text.Json;
using Sky.Cli.Tests.Supervision;
using Sky.Testing;

namespace Sky.Cli.Tests.Commands;

/// <summary><c>sky events</c> on the real engine: the kept log, and the live feed with <c>-f</c>.</summary>
public sealed class EventsCommandTests
{
    private const string Web = """
        web:
          image: my-application:1.0-SNAPSHOT
          ports: [ 8080 ]
          checks:
            - http: /health
              port: 8080
              interval: 1s
              retries: 1
        """;

    [Fact]
    public async Task Following_events_shows_a_container_turning_unhealthy_and_what_sky_did_about_it()
    {
        await using var daemon = await TestDaemon.StartAsync();
        Assert.Equal(0, (await daemon.RunAsync("apply", ConfigFile.Write(Web))).ExitCode);
        Assert.Equal(0, (await daemon.RunAsync("service", "start", "web")).ExitCode);
        var name = daemon.Name("web");
        await Eventually.WaitForAsync(() => ContainerFacts.ReadAsync(daemon, "web", name), f => f.Health == "healthy", TimeSpan.FromSeconds(15), "healthy");

        using var output = new LineChannelWriter();
        using var stop = new CancellationTokenSource();
        var following = SkyCommandLine.RunAsync(["events", "-f", "--service", "web"], output, TextWriter.Null, daemon.Address, stop.Token);

        // The history comes first: the apply is not about web, the start is.
        await output.WaitForAsync(l => l.Contains($"Starting {name}: done", StringComparison.Ordinal), TimeSpan.FromSeconds(10), "the start from the history");

        await Docker.RunAsync("exec", name, "rm", "/www/health");

        // The verdict itself (kind "health"), with the check's last result; the event log's "unhealthy" line may come first.
        var unhealthy = await output.WaitForAsync(l => l.Contains("  health  ", StringComparison.Ordinal) && l.Contains($"{name} is unhealthy", StringComparison.Ordinal), TimeSpan.FromSeconds(15), "the unhealthy verdict");
        Assert.Contains("http /health on port 8080", unhealthy, StringComparison.Ordinal);
        await output.WaitForAsync(l => l.Contains("restart", StringComparison.Ordinal) && l.Contains($"restarted {name} ({name} is unhealthy); restart 1", StringComparison.Ordinal), TimeSpan.FromSeconds(15), "the restart and why");
        await output.WaitForAsync(l => l.Contains($"{name} is healthy", StringComparison.Ordinal), TimeSpan.FromSeconds(15), "healthy again");

        await stop.CancelAsync();
        Assert.Equal(0, await following);
    }

    [Fact]
    public async Task Past_events_are_listed_per_service_and_as_json_for_scripts()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await daemon.RunAsync("apply", ConfigFile.Write(Web));
        Assert.Equal(0, (await daemon.RunAsync("service", "start", "web")).ExitCode);

        var table = await daemon.RunAsync("events");
        Assert.Equal(0, table.ExitCode);
        Assert.Equal(["TIME", "KIND", "SERVICE", "MESSAGE"], table.Lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(table.Lines, l => l.Contains("apply", StringComparison.Ordinal) && l.Contains("applied revision 1", StringComparison.Ordinal));

        var json = await daemon.RunAsync("events", "--service", "web", "--since", "1h", "-o", "json");
        var events = JsonDocument.Parse(json.Output).RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal("web", e.GetProperty("service").GetString()));
        Assert.Contains(events, e => e.GetProperty("kind").GetString() == "start");

        var none = await daemon.RunAsync("events", "--service", "nobody");
        Assert.Equal(["no events"], none.Lines);

        var bad = await daemon.RunAsync("events", "--since", "yesterday");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("since: 'yesterday' is neither a duration", bad.Error, StringComparison.Ordinal);
    }
}
