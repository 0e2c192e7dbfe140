using Sky.Model;

namespace Sky.Supervisor.Tests;

public sealed class StatusReaderTests : IDisposable
{
    private readonly SupervisionParts parts = new();

    [Fact]
    public async Task Ps_shows_another_daemon_s_containers_of_the_namespace_marked_with_its_identity()
    {
        parts.ApplyAndWant("web:\n  image: base:0.7\n");
        parts.ServiceContainer(parts.Naming, "web", ContainerState.Running);
        parts.ServiceContainer(SupervisionParts.Other, "api", ContainerState.Exited);
        parts.ServiceContainer(new Naming("elsewhere", new DaemonIdentity("c3c3c3c3c3c3")), "api", ContainerState.Running);
        var reader = new StatusReader(parts.Engine, parts.Naming, parts.Desired, parts.Intents, parts.Registry);

        var all = await reader.AllAsync(CancellationToken.None);

        Assert.Equal(
            [("sup-api", "exited", "b2b2b2b2b2b2", "/srv/sky-b"), ("sup-web", "running", null, null)],
            all.Select(c => (c.Name, c.State, c.ForeignDaemon?.Id, c.ForeignDaemon?.DataFolder)));
    }

    [Fact]
    public async Task A_service_s_status_shows_only_this_daemon_s_containers()
    {
        parts.ApplyAndWant("web:\n  image: base:0.7\n");
        parts.ServiceContainer(SupervisionParts.Other, "web", ContainerState.Running);
        var reader = new StatusReader(parts.Engine, parts.Naming, parts.Desired, parts.Intents, parts.Registry);

        var status = await reader.ServiceAsync(new ServiceSelector("web", null), CancellationToken.None);

        Assert.Equal("missing", Assert.Single(Assert.Single(status.Instances).Containers).State);
    }

    public void Dispose() => parts.Dispose();
}
