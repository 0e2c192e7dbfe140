using Sky.Alerts;
using Sky.Feed;
using Sky.Model;
using Sky.Supervisor.Health;
using Sky.Supervisor.Restarts;

namespace Sky.Supervisor.Tests.Supervision;

/// <summary>Healing a container that cannot be created (no image, a name another daemon holds): said once, never a loop of restarts that never ran.</summary>
public sealed class HealerTests : IDisposable
{
    private const string Ghost = """
        ghost:
          image: nosuch-image:9
        """;

    private readonly SupervisionParts parts = new();

    [Fact]
    public async Task A_container_whose_image_is_not_on_the_engine_is_said_once_to_be_unable_to_start_and_then_left_alone()
    {
        var instance = parts.ApplyAndWant(Ghost);
        var spec = Assert.Single(instance.Containers);
        parts.Engine.AbsentImages["nosuch-image:9"] = true;

        // The supervisor's pass finds the wanted container missing: its policy restarts it at once.
        Assert.True(parts.History.Judge(spec, null, ContainerEnd.Removed).RestartNow);
        await parts.HealAsync(instance, [spec]);

        Assert.Empty(parts.Engine.All);
        var signal = Assert.Single(parts.Signals);
        Assert.Equal(SignalKind.CannotStart, signal.Kind);
        Assert.StartsWith($"cannot start: image nosuch-image:9 is not on this engine (needed by {spec.Name})", signal.Message, StringComparison.Ordinal);
        Assert.EndsWith("sky service start ghost", signal.Message, StringComparison.Ordinal);
        Assert.Equal((HealthNames.CannotStart, 0), (parts.Registry.Entry(spec.Name)!.Health, parts.Registry.Entry(spec.Name)!.Restarts));

        // However long it stays missing, later passes neither restart it nor wait out a back-off, and say nothing more.
        for (var pass = 0; pass < 5; pass++)
        {
            parts.Clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal((false, (DateTimeOffset?)null), parts.History.Judge(spec, null, ContainerEnd.Removed));
        }

        Assert.Single(parts.Signals);
        var events = parts.Events.Recent(100);
        Assert.Single(events, e => e.Kind == "cannot-start");
        Assert.DoesNotContain(events, e => e.Kind is "restart" or "heal");

        // Someone loads the image and starts the service: the container may be brought back again.
        parts.History.Forgive([spec]);
        Assert.Null(parts.Registry.Entry(spec.Name)!.Health);
        Assert.True(parts.History.Judge(spec, null, ContainerEnd.Removed).RestartNow);
    }

    [Fact]
    public async Task An_unhealthy_container_is_not_removed_when_its_replacement_cannot_be_created()
    {
        var instance = parts.ApplyAndWant(Ghost);
        var spec = Assert.Single(instance.Containers);
        var unhealthy = parts.Container(spec, ContainerState.Running);
        parts.Registry.Update(spec.Name, _ => new HealthEntry(unhealthy.Id, HealthNames.Unhealthy, "HTTP 503", 0));
        parts.Engine.AbsentImages["nosuch-image:9"] = true;

        await parts.HealAsync(instance, [spec], [unhealthy.Id]);

        Assert.False(unhealthy.Removed);
        Assert.Equal(SignalKind.CannotStart, Assert.Single(parts.Signals).Kind);
    }

    [Fact]
    public async Task A_container_whose_name_another_daemon_holds_is_said_once_to_be_unable_to_start_and_the_holder_is_left_alone()
    {
        var instance = parts.ApplyAndWant("web:\n  image: base:0.7\n");
        var spec = Assert.Single(instance.Containers);
        var holder = parts.ServiceContainer(SupervisionParts.Other, "web", ContainerState.Running);

        Assert.True(parts.History.Judge(spec, null, ContainerEnd.Removed).RestartNow);
        await parts.HealAsync(instance, [spec]);

        Assert.Equal(holder, Assert.Single(parts.Engine.All));
        Assert.Equal((ContainerState.Running, false, false), (holder.State, holder.Removed, holder.Stopped));
        var signal = Assert.Single(parts.Signals);
        Assert.Equal(
            (SignalKind.CannotStart, "cannot start: container name sup-web is taken by another sky daemon (identity b2b2b2b2b2b2, data folder /srv/sky-b). "
                + "sky stops trying until someone acts (stop that daemon's service or start this one with --namespace), then sky service start web"),
            (signal.Kind, signal.Message));
        Assert.Equal(HealthNames.CannotStart, parts.Registry.Entry(spec.Name)!.Health);
        Assert.Equal((false, (DateTimeOffset?)null), parts.History.Judge(spec, null, ContainerEnd.Removed));
    }

    public void Dispose() => parts.Dispose();
}
