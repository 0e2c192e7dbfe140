using Sky.Metrics.Polling;
using Sky.Model;
using Sky.Model.Metrics;
using Xunit;

namespace Sky.Metrics.Tests.Polling;

public sealed class PollingInstancesTests
{
    [Fact]
    public void An_instance_that_polls_is_found_with_its_main_containers_first_port()
    {
        var polling = new PollingSpec { Prometheus = "/metrics" };
        var state = State(Instance("web", "production", polling, Container("web", "production", SkyLabels.MainRole, 8080, 9090)));

        var instances = new PollingInstances(state);

        Assert.True(instances.Any);
        Assert.True(instances.TryFind("web", "production", out var spec, out var port));
        Assert.Same(polling, spec);
        Assert.Equal(8080, port);
    }

    [Fact]
    public void Instances_that_poll_nothing_or_have_no_port_are_not_found()
    {
        var state = State(
            Instance("web", "production", null, Container("web", "production", SkyLabels.MainRole, 8080)),
            Instance("web", "staging", new PollingSpec { Interval = TimeSpan.FromSeconds(5) }, Container("web", "staging", SkyLabels.MainRole, 8080)),
            Instance("worker", "production", new PollingSpec { Expvar = "/debug/vars" }, Container("worker", "production", SkyLabels.MainRole)));

        var instances = new PollingInstances(state);

        Assert.False(instances.Any);
        Assert.False(instances.TryFind("web", "production", out _, out _));
        Assert.False(instances.TryFind("web", "staging", out _, out _));
        Assert.False(instances.TryFind("worker", "production", out _, out _));
    }

    [Fact]
    public void The_port_is_the_main_containers_not_a_dependencys()
    {
        var polling = new PollingSpec { Expvar = "/debug/vars" };
        var state = State(Instance("web", "production", polling,
            Container("web", "production", "dependency", 5432),
            Container("web", "production", SkyLabels.MainRole, 8080)));

        Assert.True(new PollingInstances(state).TryFind("web", "production", out _, out var port));
        Assert.Equal(8080, port);
    }

    private static DesiredState State(params InstanceSpec[] instances) =>
        new(instances.GroupBy(i => i.Service).Select(g => new ServiceSpec { Name = g.Key, Instances = g.ToList() }).ToList(), []);

    private static InstanceSpec Instance(string service, string name, PollingSpec? metrics, params ContainerSpec[] containers) =>
        new() { Service = service, Name = name, Network = $"sky-{service}-{name}", Containers = containers, Metrics = metrics };

    private static ContainerSpec Container(string service, string instance, string role, params int[] ports) => new()
    {
        Name = $"{service}-{instance}-{role}",
        Service = service,
        Instance = instance,
        Role = role,
        Definition = service,
        Image = "my-application:1.0-SNAPSHOT",
        Network = $"sky-{service}-{instance}",
        Ports = ports,
    };
}
