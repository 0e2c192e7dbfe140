using Sky.Alerts;
using Sky.Feed;
using Sky.Feed.Changes;
using Sky.Model;
using Sky.Supervisor.Health;
using Sky.Supervisor.Restarts;

namespace Sky.Supervisor.Tests.Restarts;

public sealed class RestartHistoryTests : IDisposable
{
    private readonly SupervisionParts parts = new();

    [Fact]
    public void A_failure_is_restarted_at_once_then_after_a_growing_back_off()
    {
        var spec = SupervisionParts.Spec("web");

        Assert.Equal((true, (DateTimeOffset?)null), parts.History.Judge(spec, "c1", ContainerEnd.Failed));
        parts.History.Restarted(spec, done: true, "web died");

        var (now, due) = parts.History.Judge(spec, "c2", ContainerEnd.Failed);
        Assert.False(now);
        Assert.Equal(parts.Clock.GetUtcNow() + BackOff.Delay(1), due);

        parts.Clock.Advance(BackOff.Delay(1));
        Assert.True(parts.History.Judge(spec, "c2", ContainerEnd.Failed).RestartNow);
    }

    [Fact]
    public void Restarts_are_counted_in_the_store_said_in_the_event_log_and_told_to_the_maintainer()
    {
        var spec = SupervisionParts.Spec("web");
        using var subscription = parts.Feed.Subscribe();

        parts.History.Restarted(spec, done: true, "web died");

        Assert.Equal(1, parts.Registry.Entry("web")!.Restarts);
        Assert.True(subscription.Changes.TryRead(out var change));
        var activity = Assert.IsType<ActivityRecorded>(change);
        Assert.Equal(("restart", "restarted web (web died); restart 1, next back-off 0.2 s"), (activity.Kind, activity.Message));
        Assert.Equal(SignalKind.Restarted, Assert.Single(parts.Signals).Kind);
    }

    [Fact]
    public async Task Using_up_on_failure_retries_is_announced_once_as_a_crash_loop_and_a_start_forgives_it()
    {
        var spec = SupervisionParts.Spec("web", new RestartPolicy(RestartMode.OnFailure, 2));
        for (var i = 0; i < 2; i++)
        {
            // The end is seen once, then again when its back-off is over.
            if (parts.History.Judge(spec, $"c{i}", ContainerEnd.Failed) is { RestartNow: false, Due: { } due })
            {
                parts.Clock.Advance(due - parts.Clock.GetUtcNow());
            }

            Assert.True(parts.History.Judge(spec, $"c{i}", ContainerEnd.Failed).RestartNow);
            parts.History.Restarted(spec, done: true, "web died");
        }

        Assert.Equal((false, (DateTimeOffset?)null), parts.History.Judge(spec, "c2", ContainerEnd.Failed));
        parts.History.Judge(spec, "c2", ContainerEnd.Failed);

        Assert.True(parts.History.CrashLooping("web"));
        Assert.Equal(HealthNames.CrashLooping, parts.Registry.Entry("web")!.Health);
        Assert.Single(parts.Signals, s => s.Kind == SignalKind.CrashLooping);
        Assert.Single(await parts.Events.RecentAsync(100), e => e.Kind == "crash-loop");

        parts.History.Forgive([spec]);
        Assert.False(parts.History.CrashLooping("web"));
        Assert.Null(parts.Registry.Entry("web")!.Health);
        Assert.True(parts.History.Judge(spec, "c3", ContainerEnd.Failed).RestartNow);
    }

    [Fact]
    public void A_container_that_could_not_be_created_is_held_back_until_it_runs_again_and_is_no_crash_loop()
    {
        var spec = SupervisionParts.Spec("web");
        parts.History.CannotStart([spec], [StartBlocker.From(new MissingImage("my-application:1.0", ["web"]))]);

        Assert.False(parts.History.Judge(spec, null, ContainerEnd.Removed).RestartNow);
        Assert.False(parts.History.CrashLooping("web"));
        Assert.DoesNotContain(parts.Signals, s => s.Kind == SignalKind.CrashLooping);

        // An apply brought the image and created it: it runs, so the next end is judged as any other.
        parts.History.For("web").Running(well: true);
        Assert.True(parts.History.Judge(spec, "c1", ContainerEnd.Failed).RestartNow);
    }

    [Fact]
    public void Counts_of_an_earlier_daemon_come_back_into_the_registry()
    {
        parts.History.Restarted(SupervisionParts.Spec("web"), done: true, "web died");
        var registry = new HealthRegistry();
        var again = new RestartHistory(registry, new Sky.Store.RestartCountRepository(parts.Database, parts.Clock), parts.Events, new Sky.Supervisor.Supervision.AlertSignals(parts.Feed), parts.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<RestartHistory>.Instance);

        again.Restore();

        Assert.Equal(1, registry.Entry("web")!.Restarts);
    }

    public void Dispose() => parts.Dispose();
}
