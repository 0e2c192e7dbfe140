using Sky.Model;
using Sky.Supervisor.Rollouts;

namespace Sky.Supervisor.Tests.Rollouts;

public sealed class RolloutVerifierTests : IDisposable
{
    private readonly SupervisionParts parts = new();

    [Fact]
    public async Task A_container_of_the_name_that_another_daemon_made_does_not_make_this_rollout_take()
    {
        var instance = parts.ApplyAndWant("web:\n  image: base:0.7\n");
        parts.ServiceContainer(SupervisionParts.Other, "web", ContainerState.Running);
        var verifier = new RolloutVerifier(parts.Engine, parts.Registry, parts.Feed, parts.Naming);

        var failures = await verifier.VerifyAsync([instance], _ => { }, CancellationToken.None);

        Assert.Equal(
            "container name sup-web is taken by another sky daemon (identity b2b2b2b2b2b2, data folder /srv/sky-b): stop that daemon's service or start this one with --namespace",
            Assert.Single(failures).Reason);
    }

    public void Dispose() => parts.Dispose();
}
