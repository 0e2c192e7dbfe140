using Microsoft.Extensions.Logging.Abstractions;
using Sky.Model;
using Sky.OneOffs.Snitch;
using Sky.Runtime;

using Sky.Testing;

namespace Sky.OneOffs.Tests;

/// <summary>The sweeper against the real engine: what it removes, and when.</summary>
public sealed class OneOffSweeperTests
{
    [Fact]
    public async Task The_sweeper_removes_exited_one_offs_after_the_delay_and_never_running_ones()
    {
        var ns = $"t{Guid.NewGuid():N}"[..9];
        var runtime = DockerRuntime.FromEnvironment();
        var naming = new Naming(ns);
        var data = Directory.CreateTempSubdirectory("sky-sweeper-").FullName;
        var outbox = new SnitchOutbox(data);
        try
        {
            var kept = new OneOffContainers(runtime, naming, new OneOffOptions { RemoveAfter = TimeSpan.FromHours(1) }, outbox);
            var (exited, exitedName) = await kept.CreateAsync("base:0.7", ["true"], interactive: false, "test", CancellationToken.None);
            await runtime.StartContainerAsync(exited, CancellationToken.None);
            await runtime.WaitContainerAsync(exited, CancellationToken.None);
            var (running, runningName) = await kept.CreateAsync(null, null, interactive: true, "test", CancellationToken.None);
            await runtime.StartContainerAsync(running, CancellationToken.None);

            var early = await Sweeper(kept).SweepAsync(CancellationToken.None);
            var due = new OneOffContainers(runtime, naming, new OneOffOptions { RemoveAfter = TimeSpan.Zero }, outbox);
            var late = await Sweeper(due).SweepAsync(CancellationToken.None);

            Assert.Empty(early);
            Assert.Equal([exitedName], late);
            Assert.Equal([runningName], await DockerWitness.ContainerNamesAsync(ns));
            Assert.Equal([runningName], Directory.GetDirectories(Path.Combine(data, "outbox")).Select(Path.GetFileName));
        }
        finally
        {
            await DockerWitness.CleanNamespaceAsync(ns);
            Directory.Delete(data, recursive: true);
        }

        OneOffSweeper Sweeper(OneOffContainers oneOffs) =>
            new(oneOffs, runtime, TimeProvider.System, NullLogger<OneOffSweeper>.Instance);
    }
}
