using Sky.Model;
using Sky.Runtime;
using Sky.Store;
using Sky.Supervisor.Tests.Revisions;

namespace Sky.Supervisor.Tests;

/// <summary>What the operations observe: only this daemon's containers, so another daemon's on the namespace are never acted on.</summary>
public sealed class ServiceOperationsTests : IDisposable
{
    private readonly SupervisionParts parts = new();

    [Fact]
    public async Task Apply_neither_removes_stops_nor_adopts_another_daemon_s_containers_and_fails_only_the_step_whose_name_one_holds()
    {
        var shared = parts.ServiceContainer(SupervisionParts.Other, "shared", ContainerState.Running);
        var unwanted = parts.ServiceContainer(SupervisionParts.Other, "api", ContainerState.Running);
        Want("web", "shared");
        var reporter = new RecordingReporter();

        await parts.Configuration.ApplyAsync(Source("web:\n  image: base:0.7\nshared:\n  image: base:0.7\n"), reporter, CancellationToken.None);

        Assert.All([shared, unwanted], c => Assert.Equal((ContainerState.Running, false, false), (c.State, c.Removed, c.Stopped)));
        Assert.Single(parts.Engine.All, c => c.Name == "sup-shared");
        Assert.Equal(ContainerState.Running, parts.Engine.Named("sup-web").State);
        Assert.Equal(
            ["sup-shared: container name sup-shared is taken by another sky daemon (identity b2b2b2b2b2b2, data folder /srv/sky-b): stop that daemon's service or start this one with --namespace"],
            reporter.Failed);
    }

    [Fact]
    public async Task Containers_made_before_daemons_had_identities_are_this_daemon_s_kept_when_wanted_and_removed_when_not()
    {
        const string Yaml = "web:\n  image: base:0.7\n";
        var spec = parts.Resolver.Resolve(new RevisionContent([Source(Yaml)], [])).Services[0].Instances[0].Containers[0];
        var labels = spec.Labels.Where(l => l.Key is not (SkyLabels.Daemon or SkyLabels.DaemonDataFolder)).ToDictionary();
        var web = parts.Engine.Add(new ContainerCreateRequest { Name = spec.Name, Image = spec.Image, Labels = labels }, ContainerState.Running);
        var leftover = parts.ServiceContainer(new Naming("sup"), "api", ContainerState.Running);
        Want("web");

        await parts.Configuration.ApplyAsync(Source(Yaml), new RecordingReporter(), CancellationToken.None);

        Assert.Equal((ContainerState.Running, false), (web.State, web.Removed));
        Assert.Single(parts.Engine.All, c => !c.Removed && c.Name == spec.Name);
        Assert.True(leftover.Removed);
    }

    public void Dispose() => parts.Dispose();

    private static RevisionSource Source(string yaml) => new("test", null, [new StoredFile("services.yml", yaml)]);

    private void Want(params string[] services)
    {
        foreach (var service in services)
        {
            parts.Intents.Set(service, Naming.DefaultInstance, running: true);
        }
    }
}
