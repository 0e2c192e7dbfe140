using Sky.Testing;

namespace Sky.Cli.Tests.Logs;

/// <summary>The Docker engine restarts while a container prints: the kept lines are exactly the engine's, none missing, none twice.</summary>
[Trait("Category", Engine.RestartTrait)]
[Collection(EngineRestarts.Name)]
public sealed class LogsAcrossEngineRestartTests
{
    [Fact]
    public async Task After_an_engine_restart_the_kept_lines_are_the_engine_s_own_with_no_gap_and_no_duplicate()
    {
        await using var daemon = await TestDaemon.StartAsync();
        Assert.Equal(0, (await daemon.RunAsync("apply", ConfigFile.Write("counter:\n  image: base:0.7\n  command: i=0; while true; do echo $i; i=$((i+1)); usleep 5000; done\n"))).ExitCode);
        Assert.Equal(0, (await daemon.RunAsync("service", "start", "counter")).ExitCode);
        var name = daemon.Name("counter");
        await Eventually.WaitForAsync(() => daemon.RunAsync("service", "logs", "counter"), r => r.Lines.Length >= 100, TimeSpan.FromSeconds(30), "100 lines kept before");

        await Engine.RestartAsync();
        await Eventually.WaitForAsync(() => DockerWitness.ContainerNamesAsync(daemon.Namespace, runningOnly: true), running => running.Count == 1, TimeSpan.FromSeconds(60), "the counter running again");
        var before = (await Docker.RunAsync("logs", name)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        await Eventually.WaitForAsync(() => daemon.RunAsync("service", "logs", "counter"), r => r.Lines.Length >= before + 100, TimeSpan.FromSeconds(30), "100 lines kept after");
        Assert.Equal(0, (await daemon.RunAsync("service", "stop", "counter")).ExitCode);

        var engine = (await Docker.RunAsync("logs", name)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => $"{name} | {l}").ToList();
        var kept = await Eventually.WaitForAsync(() => daemon.RunAsync("service", "logs", "counter"), r => r.Lines.Length >= engine.Count, TimeSpan.FromSeconds(30), "every line kept");
        Assert.Equal(engine, kept.Lines);
    }
}
