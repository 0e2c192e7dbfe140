using System.Text.Json;
using Sky.Testing;

namespace Sky.Cli.Tests.Supervision;

/// <summary>The Docker engine restarts under a running daemon: sky reconnects and brings back what the engine stopped.</summary>
[Trait("Category", Engine.RestartTrait)]
[Collection(EngineRestarts.Name)]
public sealed class EngineRestartTests
{
    [Fact]
    public async Task After_the_engine_restarts_the_mission_services_run_again_healthy_in_the_same_containers()
    {
        await using var daemon = await TestDaemon.StartAsync();
        Assert.Equal(0, (await daemon.RunAsync("apply", Examples.MyApplication)).ExitCode);
        Assert.Equal(0, (await daemon.RunAsync("service", "start", "my-application")).ExitCode);
        string[] plain = ["my-application-dev", "my-application-dev-database", "my-application-production", "my-application-production-database"];
        var names = plain.Select(daemon.Name).ToList();
        var production = daemon.Name("my-application-production");
        await Eventually.WaitForAsync(() => ContainerFacts.ReadAsync(daemon, "my-application", production), f => f.Health == "healthy", TimeSpan.FromSeconds(20), "healthy before");
        var ids = new List<string?>();
        foreach (var name in names)
        {
            ids.Add((await Docker.InspectAsync(name)).GetProperty("Id").GetString());
        }

        await Engine.RestartAsync();

        await Eventually.WaitForAsync(
            () => DockerWitness.ContainerNamesAsync(daemon.Namespace, runningOnly: true),
            running => running.Count == names.Count,
            TimeSpan.FromSeconds(60),
            "all four containers running again",
            async () => string.Join('\n', await DockerWitness.ContainerNamesAsync(daemon.Namespace)));
        await Eventually.WaitForAsync(() => ContainerFacts.ReadAsync(daemon, "my-application", production), f => f.Health == "healthy", TimeSpan.FromSeconds(30), "healthy after");
        Assert.Equal(names, await DockerWitness.ContainerNamesAsync(daemon.Namespace));
        var after = new List<string?>();
        foreach (var name in names)
        {
            after.Add((await Docker.InspectAsync(name)).GetProperty("Id").GetString());
        }

        Assert.Equal(ids, after);
        using var http = new HttpClient();
        using var events = JsonDocument.Parse(await http.GetStringAsync(new Uri($"{daemon.Address}/api/v1/events?limit=100")));
        Assert.Contains(events.RootElement.EnumerateArray(), e => e.GetProperty("kind").GetString() == "engine");
    }
}
