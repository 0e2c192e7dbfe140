using Sky.Feed;
using Sky.Model;
using Sky.Supervisor.Health;
using Sky.Supervisor.Restarts;

namespace Sky.Supervisor.Tests.Restarts;

public sealed class ContainerEndsTests : IDisposable
{
    private readonly SupervisionParts parts = new();

    public ContainerEndsTests() => parts.Ends.StartWatching(parts.Clock.GetUtcNow());

    private async Task<ContainerEnd?> EndAsync(ContainerSpec spec, Action<Testing.Engine.FakeContainer> change, ContainerState state = ContainerState.Exited)
    {
        var container = parts.Container(spec, state);
        change(container);
        return await parts.Ends.JudgeAsync(spec, parts.Observed(container), CancellationToken.None);
    }

    [Fact]
    public async Task A_container_that_exits_non_zero_while_watched_failed_and_one_that_exits_zero_succeeded()
    {
        parts.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(ContainerEnd.Failed, await EndAsync(SupervisionParts.Spec("a"), c => { c.Exit(137); c.FinishedAt = parts.Clock.GetUtcNow(); }));
        Assert.Equal(ContainerEnd.Succeeded, await EndAsync(SupervisionParts.Spec("b"), c => { c.Exit(0); c.FinishedAt = parts.Clock.GetUtcNow(); }));
    }

    [Fact]
    public async Task A_container_the_engine_reported_stopped_was_stopped_by_hand()
    {
        parts.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(ContainerEnd.StoppedByHand, await EndAsync(SupervisionParts.Spec("a"), c =>
        {
            c.Exit(137);
            c.FinishedAt = parts.Clock.GetUtcNow();
            parts.Ends.StoppedByHand(c.Id);
        }));
    }

    [Fact]
    public async Task An_end_before_sky_watched_is_found_stopped_and_one_inside_an_engine_outage_was_the_engines_doing()
    {
        var before = parts.Clock.GetUtcNow() - TimeSpan.FromMinutes(1);
        Assert.Equal(ContainerEnd.FoundStopped, await EndAsync(SupervisionParts.Spec("old"), c => { c.Exit(1); c.FinishedAt = before; }));

        parts.Clock.Advance(TimeSpan.FromMinutes(1));
        parts.Outages.StreamLost(unreachable: true);
        var stoppedAt = parts.Clock.GetUtcNow();
        parts.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.True(parts.Outages.EngineAnswered());
        Assert.Equal(ContainerEnd.EngineStopped, await EndAsync(SupervisionParts.Spec("restarted-engine"), c =>
        {
            c.Exit(0);
            c.FinishedAt = stoppedAt;
            parts.Ends.StoppedByHand(c.Id);
        }));
    }

    [Fact]
    public async Task A_missing_container_was_removed()
    {
        Assert.Equal(ContainerEnd.Removed, await parts.Ends.JudgeAsync(SupervisionParts.Spec("gone"), null, CancellationToken.None));
    }

    [Fact]
    public async Task A_running_container_is_no_end_unless_its_checks_made_it_unhealthy()
    {
        var spec = SupervisionParts.Spec("web", checks: true);
        var container = parts.Container(spec, ContainerState.Running);
        Assert.Null(await parts.Ends.JudgeAsync(spec, parts.Observed(container), CancellationToken.None));

        parts.Registry.Update(spec.Name, _ => new HealthEntry(container.Id, HealthNames.Unhealthy, "HTTP 500", 0));
        Assert.Equal(ContainerEnd.Unhealthy, await parts.Ends.JudgeAsync(spec, parts.Observed(container), CancellationToken.None));

        // The verdict was about an earlier container of the same name: this one is not judged by it.
        parts.Registry.Update(spec.Name, _ => new HealthEntry("earlier", HealthNames.Unhealthy, "HTTP 500", 0));
        Assert.Null(await parts.Ends.JudgeAsync(spec, parts.Observed(container), CancellationToken.None));
    }

    [Fact]
    public async Task A_stopped_container_loses_its_health_but_keeps_a_crash_loop_visible()
    {
        var spec = SupervisionParts.Spec("web", checks: true);
        parts.Registry.Update(spec.Name, _ => new HealthEntry("c0", HealthNames.Healthy, "HTTP 200", 0));
        await EndAsync(spec, c => c.Exit(1));
        Assert.Null(parts.Registry.Entry(spec.Name)!.Health);

        parts.Registry.Update(spec.Name, e => e! with { Health = HealthNames.CrashLooping });
        await EndAsync(spec, c => c.Exit(1));
        Assert.Equal(HealthNames.CrashLooping, parts.Registry.Entry(spec.Name)!.Health);
    }

    public void Dispose() => parts.Dispose();
}
