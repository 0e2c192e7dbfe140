using System.Globalization;
using System.Text.RegularExpressions;
using Sky.Testing;

namespace Sky.Cli.Tests.Supervision;

/// <summary>The supervisor keeps wanted containers alive on the real engine: deaths, removals, crash loops, failed checks.</summary>
public sealed partial class SelfHealingTests
{
    private const string Web = """
        web:
          image: my-application:1.0-SNAPSHOT
          ports: [ 8080 ]
          checks:
            - http: /health
              port: 8080
              interval: 1s
              retries: 2
        """;

    [Fact]
    public async Task A_killed_service_container_runs_again_within_its_back_off()
    {
        await using var daemon = await TestDaemon.StartAsync();
        Assert.Equal(0, (await daemon.RunAsync("apply", ConfigFile.Write(Web))).ExitCode);
        Assert.Equal(0, (await daemon.RunAsync("service", "start", "web")).ExitCode);
        var name = daemon.Name("web");
        var before = await ContainerFacts.ReadAsync(daemon, "web", name);

        await Docker.RunAsync("kill", name);

        var after = await Eventually.WaitForAsync(
            () => ContainerFacts.ReadAsync(daemon, "web", name),
            f => f.Condition == "running" && f.Started > before.Started,
            TimeSpan.FromSeconds(10),
            "the killed container running again");
        Assert.Equal(before.ContainerId, after.ContainerId);
        var healed = await Eventually.WaitForAsync(() => ContainerFacts.ReadAsync(daemon, "web", name), f => f.Health == "healthy", TimeSpan.FromSeconds(10), "healthy again");
        Assert.Equal(1, healed.Restarts);

        // The count is sky's memory of what happened: it survives a restart of the daemon.
        await daemon.StopAsync();
        await daemon.StartAgainAsync();
        Assert.Equal(1, (await ContainerFacts.ReadAsync(daemon, "web", name)).Restarts);
    }

    [Fact]
    public async Task A_removed_service_container_is_recreated_with_the_same_name_and_labels()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await daemon.RunAsync("apply", ConfigFile.Write(Web));
        Assert.Equal(0, (await daemon.RunAsync("service", "start", "web")).ExitCode);
        var name = daemon.Name("web");
        var before = await ContainerFacts.ReadAsync(daemon, "web", name);

        await Docker.RunAsync("rm", "-f", name);

        var after = await Eventually.WaitForAsync(
            () => ContainerFacts.ReadAsync(daemon, "web", name),
            f => f.Condition == "running",
            TimeSpan.FromSeconds(10),
            "the removed container recreated");
        Assert.NotEqual(before.ContainerId, after.ContainerId);
        var labels = (await Docker.InspectAsync(name)).GetProperty("Config").GetProperty("Labels");
        Assert.Equal("web", labels.GetProperty("sky.service").GetString());
        Assert.Equal(daemon.Namespace, labels.GetProperty("sky.namespace").GetString());
        Assert.Equal("main", labels.GetProperty("sky.role").GetString());
        Assert.Equal([name], await DockerWitness.ContainerNamesAsync(daemon.Namespace));
    }

    [Fact]
    public async Task A_container_that_fails_at_once_is_restarted_three_times_with_growing_delays_then_left_crash_looping()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await daemon.RunAsync("apply", ConfigFile.Write("""
            failing:
              image: base:0.7
              command: exit 1
              restart: on-failure:3
            """));
        var started = DateTimeOffset.UtcNow;
        await daemon.RunAsync("service", "start", "failing");
        var name = daemon.Name("failing");

        var looping = await Eventually.WaitForAsync(
            () => ContainerFacts.ReadAsync(daemon, "failing", name),
            f => f.Health == "crash-looping",
            TimeSpan.FromSeconds(25),
            "crash-looping",
            () => EventsAsync(daemon));

        // The first restart is immediate, then the back-off grows: 200 ms, 400 ms.
        var backOffs = NextBackOff().Matches(await EventsAsync(daemon)).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal([0.2, 0.4, 0.8], backOffs);
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromSeconds(0.6), $"crash-looping after {DateTimeOffset.UtcNow - started}");
        Assert.Equal(3, looping.Restarts);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var later = await ContainerFacts.ReadAsync(daemon, "failing", name);
        Assert.Equal(looping.Started, later.Started);
        Assert.Equal(3, later.Restarts);
        Assert.Equal("exited", later.Condition);
    }

    [Fact]
    public async Task A_container_whose_image_is_gone_is_reported_once_as_unable_to_start_and_never_restarted_in_a_loop()
    {
        await using var daemon = await TestDaemon.StartAsync();
        var image = $"{daemon.Namespace}-ghost:1";
        await Docker.RunAsync("tag", "base:0.7", image);
        try
        {
            await daemon.RunAsync("apply", ConfigFile.Write($"""
                ghost:
                  image: {image}
                  command: sleep 600
                """));
            Assert.Equal(0, (await daemon.RunAsync("service", "start", "ghost")).ExitCode);
            var name = daemon.Name("ghost");

            // The image goes first (the running container keeps it), then the container: nothing can bring it back.
            await Docker.RunAsync("rmi", image);
            await Docker.RunAsync("rm", "-f", name);

            var alert = Assert.Single(await Eventually.WaitForAsync(() => AlertsAsync(daemon), a => a.Count > 0, TimeSpan.FromSeconds(10), "the cannot-start alert", () => EventsAsync(daemon)));
            Assert.Equal(("cannot-start", "restarts", "low"), (alert.GetProperty("kind").GetString(), alert.GetProperty("group").GetString(), alert.GetProperty("priority").GetString()));
            Assert.StartsWith($"cannot start: image {image} is not on this engine (needed by {name})", alert.GetProperty("message").GetString(), StringComparison.Ordinal);
            var facts = await ContainerFacts.ReadAsync(daemon, "ghost", name);
            Assert.Equal((null, "cannot-start", 0), (facts.ContainerId, facts.Health, facts.Restarts));

            // Passes go on (every re-sync, every feed change): still that one alert, and not one restart tried.
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Equal(1, Assert.Single(await AlertsAsync(daemon)).GetProperty("failures").GetInt32());
            using var log = System.Text.Json.JsonDocument.Parse(await EventsAsync(daemon));
            var kinds = log.RootElement.EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
            Assert.Single(kinds, k => k == "cannot-start");
            Assert.DoesNotContain("restart", kinds);
            Assert.DoesNotContain("heal", kinds);
            Assert.Empty(await DockerWitness.ContainerNamesAsync(daemon.Namespace));

            // The image is back and someone starts the service: it runs, and the alert closes.
            await Docker.RunAsync("tag", "base:0.7", image);
            Assert.Equal(0, (await daemon.RunAsync("service", "start", "ghost")).ExitCode);
            await Eventually.WaitForAsync(() => AlertsAsync(daemon), a => a.Count == 0, TimeSpan.FromSeconds(10), "the alert closed by the recovery");
        }
        finally
        {
            await Docker.RunRawAsync("rmi", image);
        }
    }

    /// <summary>The open alerts, as <c>sky alerts -o json</c> lists them.</summary>
    private static async Task<List<System.Text.Json.JsonElement>> AlertsAsync(TestDaemon daemon) =>
        System.Text.Json.JsonDocument.Parse((await daemon.RunAsync("alerts", "-o", "json")).Output).RootElement.EnumerateArray().Select(a => a.Clone()).ToList();

    /// <summary>The daemon's event log, to explain a failure.</summary>
    private static async Task<string> EventsAsync(TestDaemon daemon)
    {
        using var client = new HttpClient();
        return await client.GetStringAsync(new Uri($"{daemon.Address}/api/v1/events?limit=50"));
    }

    [Fact]
    public async Task A_container_whose_http_check_starts_failing_is_replaced_by_a_healthy_one()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await daemon.RunAsync("apply", ConfigFile.Write(Web));
        await daemon.RunAsync("service", "start", "web");
        var name = daemon.Name("web");
        var healthy = await Eventually.WaitForAsync(() => ContainerFacts.ReadAsync(daemon, "web", name), f => f.Health == "healthy", TimeSpan.FromSeconds(10), "healthy");

        await Docker.RunAsync("exec", name, "rm", "/www/health");

        var replaced = await Eventually.WaitForAsync(
            () => ContainerFacts.ReadAsync(daemon, "web", name),
            f => f.ContainerId != healthy.ContainerId && f.Health == "healthy",
            TimeSpan.FromSeconds(20),
            "replaced by a healthy container");
        Assert.Equal(1, replaced.Restarts);
    }

    [GeneratedRegex(@"next back-off ([0-9.]+) s")]
    private static partial Regex NextBackOff();
}
