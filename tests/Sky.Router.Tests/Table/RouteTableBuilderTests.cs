using Sky.Feed;
using Sky.Feed.Changes;
using Sky.Model;
using Sky.Model.Deploys;
using Sky.Router.Table;

namespace Sky.Router.Tests.Table;

public class RouteTableBuilderTests
{
    private static readonly IReadOnlySet<string> NoneDraining = new HashSet<string>();

    [Fact]
    public void A_comma_list_wildcards_and_a_regex_each_find_the_container()
    {
        var table = Build([Container("web", env: new() { ["VIRTUAL_HOST"] = "web.localhost, *.example.com, example.*, ~^api\\d+\\.test$" })]);

        Assert.Equal("web", table.Find("web.localhost", "/")!.Backends[0].Service);
        Assert.Equal("web", table.Find("shop.example.com", "/")!.Backends[0].Service);
        Assert.Equal("web", table.Find("example.org:8080", "/x")!.Backends[0].Service);
        Assert.Equal("web", table.Find("API7.test", "/")!.Backends[0].Service);
        Assert.Null(table.Find("api.test", "/"));
        Assert.Null(table.Find("other.localhost", "/"));
    }

    [Fact]
    public void An_exact_name_wins_over_a_wildcard_and_the_longest_path_prefix_wins()
    {
        var table = Build([
            Container("catch-all", env: new() { ["VIRTUAL_HOST"] = "*.localhost" }),
            Container("site", env: new() { ["VIRTUAL_HOST"] = "shop.localhost" }),
            Container("api", env: new() { ["VIRTUAL_HOST"] = "shop.localhost", ["VIRTUAL_PATH"] = "/api/" }),
        ]);

        Assert.Equal("site", table.Find("shop.localhost", "/")!.Backends[0].Service);
        Assert.Equal("api", table.Find("shop.localhost", "/api/orders")!.Backends[0].Service);
        Assert.Equal("api", table.Find("shop.localhost", "/api")!.Backends[0].Service);
        Assert.Equal("site", table.Find("shop.localhost", "/apis")!.Backends[0].Service);
        Assert.Equal("catch-all", table.Find("blog.localhost", "/")!.Backends[0].Service);
    }

    [Fact]
    public void VIRTUAL_PORT_picks_the_published_port_and_the_first_port_is_the_default()
    {
        var table = Build(
            [Container("two", ports: [8080, 9000], env: new() { ["VIRTUAL_HOST"] = "two.localhost", ["VIRTUAL_PORT"] = "9000" }),
             Container("one", ports: [8080, 9000], env: new() { ["VIRTUAL_HOST"] = "one.localhost" })],
            running: true);

        Assert.Equal(39000, table.Find("two.localhost", "/")!.Backends[0].HostPort);
        Assert.Equal(38080, table.Find("one.localhost", "/")!.Backends[0].HostPort);
    }

    [Fact]
    public void Instances_naming_one_host_share_one_pool_and_a_blank_host_routes_nothing()
    {
        var table = Build([
            Container("shop", instance: "blue", env: new() { ["VIRTUAL_HOST"] = "shop.localhost" }),
            Container("shop", instance: "green", env: new() { ["VIRTUAL_HOST"] = "shop.localhost" }),
            Container("shop", instance: "internal", env: new() { ["VIRTUAL_HOST"] = "" }),
        ]);

        Assert.Single(table.Sites);
        Assert.Equal(["blue", "green"], table.Sites[0].Backends.Select(b => b.Instance));
    }

    [Fact]
    public void A_container_is_ready_only_when_running_checked_healthy_and_answering()
    {
        var checkedSpec = Container("checked", env: new() { ["VIRTUAL_HOST"] = "c.localhost" }) with { Checks = [new CheckSpec { Kind = CheckKind.Http, Path = "/" }] };
        var plain = Container("plain", env: new() { ["VIRTUAL_HOST"] = "p.localhost" });
        var snapshot = Snapshot([checkedSpec, plain], running: true);

        var unanswered = RouteTableBuilder.Build(snapshot, (_, _, _) => false, NoneDraining);
        var answered = RouteTableBuilder.Build(snapshot, (_, _, _) => true, NoneDraining);
        var healthy = RouteTableBuilder.Build(
            snapshot.Apply(new HealthChanged(new HealthFacts(checkedSpec.Name, "id-" + checkedSpec.Name, "checked", "default", HealthNames.Healthy, null), null)),
            (_, _, _) => true, NoneDraining);
        var draining = RouteTableBuilder.Build(snapshot, (_, _, _) => true, new HashSet<string> { "id-" + plain.Name });

        Assert.Equal(BackendState.Starting, unanswered.Find("p.localhost", "/")!.Backends[0].State);
        Assert.Equal(BackendState.Ready, answered.Find("p.localhost", "/")!.Backends[0].State);
        Assert.Equal(BackendState.Starting, answered.Find("c.localhost", "/")!.Backends[0].State);
        Assert.Equal(BackendState.Ready, healthy.Find("c.localhost", "/")!.Backends[0].State);
        Assert.Equal(BackendState.Draining, draining.Find("p.localhost", "/")!.Backends[0].State);
    }

    [Fact]
    public void A_crash_looping_or_stopped_container_is_not_ready_and_says_why()
    {
        var spec = Container("web", env: new() { ["VIRTUAL_HOST"] = "web.localhost" });
        var stopped = Build([spec]);
        var looping = RouteTableBuilder.Build(
            Snapshot([spec], running: true, ContainerPhase.Died).Apply(new HealthChanged(new HealthFacts(spec.Name, "id-" + spec.Name, "web", "default", HealthNames.CrashLooping, null), null)),
            (_, _, _) => true, NoneDraining);

        Assert.Equal(BackendState.Stopped, stopped.Find("web.localhost", "/")!.Backends[0].State);
        Assert.Equal(BackendState.CrashLooping, looping.Find("web.localhost", "/")!.Backends[0].State);
    }

    [Fact]
    public void A_container_renamed_to_retire_keeps_serving_beside_its_replacement_until_drained()
    {
        var spec = Container("web", env: new() { ["VIRTUAL_HOST"] = "web.localhost" });
        var renamed = Snapshot([spec], running: true).Apply(new ContainerChanged(new ContainerFacts
        {
            Name = RetiringNames.Of(spec.Name),
            Id = "id-" + spec.Name,
            Service = "web",
            Instance = "default",
            Phase = ContainerPhase.Running,
        })
        { PreviousName = spec.Name });
        var replaced = renamed.Apply(new ContainerChanged(new ContainerFacts { Name = spec.Name, Id = "new", Service = "web", Instance = "default", Phase = ContainerPhase.Created }));

        var whileStarting = RouteTableBuilder.Build(replaced, (_, _, _) => true, NoneDraining).Find("web.localhost", "/")!.Backends;
        var draining = RouteTableBuilder.Build(replaced, (_, _, _) => true, new HashSet<string> { "id-" + spec.Name }).Find("web.localhost", "/")!.Backends;

        // The rename kept the known host port: the retiring container is reached where it was.
        Assert.Equal(30000 + 8080, renamed.Containers[RetiringNames.Of(spec.Name)].HostPorts[8080]);
        Assert.False(renamed.Containers.ContainsKey(spec.Name));
        Assert.Equal(
            [(spec.Name, BackendState.Starting), (RetiringNames.Of(spec.Name), BackendState.Ready)],
            whileStarting.Select(b => (b.Container, b.State)));
        Assert.Equal(BackendState.Draining, draining.Single(b => b.Container == RetiringNames.Of(spec.Name)).State);
    }

    [Fact]
    public void A_container_of_an_earlier_spec_is_not_held_to_the_checks_of_the_spec_replacing_it()
    {
        var spec = Container("web", env: new() { ["VIRTUAL_HOST"] = "web.localhost" }) with
        {
            Checks = [new CheckSpec { Kind = CheckKind.Http, Path = "/health" }],
            Labels = new Dictionary<string, string> { [SkyLabels.ConfigHash] = "new" },
        };
        FeedSnapshot Running(string hash) => Snapshot([spec], running: false).Apply(new ContainersListed([new ContainerFacts
        {
            Name = spec.Name,
            Id = "id-" + spec.Name,
            Service = "web",
            Instance = "default",
            Phase = ContainerPhase.Running,
            ConfigHash = hash,
            HostPorts = new Dictionary<int, int> { [8080] = 38080 },
        }]));

        var earlier = RouteTableBuilder.Build(Running("old"), (_, _, _) => true, NoneDraining).Find("web.localhost", "/")!.Backends[0];
        var own = RouteTableBuilder.Build(Running("new"), (_, _, _) => true, NoneDraining).Find("web.localhost", "/")!.Backends[0];

        Assert.Equal(BackendState.Ready, earlier.State);
        Assert.Equal(BackendState.Starting, own.State);
    }

    private static RouteTable Build(IReadOnlyList<ContainerSpec> containers, bool running = false) =>
        RouteTableBuilder.Build(Snapshot(containers, running), (_, _, _) => true, NoneDraining);

    /// <summary>A desired state holding the containers, and, when running, each known in <paramref name="phase"/> with host port 30000 + its container port.</summary>
    private static FeedSnapshot Snapshot(IReadOnlyList<ContainerSpec> containers, bool running, ContainerPhase phase = ContainerPhase.Running)
    {
        var services = containers
            .GroupBy(c => c.Service)
            .Select(s => new ServiceSpec
            {
                Name = s.Key,
                Instances = s.GroupBy(c => c.Instance).Select(i => new InstanceSpec { Service = s.Key, Name = i.Key, Network = "n", Containers = i.ToList() }).ToList(),
            })
            .ToList();
        var snapshot = FeedSnapshot.Empty.Apply(new DesiredStateChanged(1, new DesiredState(services, []), "test"));
        if (running)
        {
            snapshot = snapshot.Apply(new ContainersListed(containers.Select(c => new ContainerFacts
            {
                Name = c.Name,
                Id = "id-" + c.Name,
                Service = c.Service,
                Instance = c.Instance,
                Phase = phase,
                HostPorts = c.Ports.ToDictionary(p => p, p => 30000 + p),
            }).ToList()));
        }

        return snapshot;
    }

    private static ContainerSpec Container(string service, string instance = "default", IReadOnlyList<int>? ports = null, Dictionary<string, string>? env = null) => new()
    {
        Name = $"{service}-{instance}",
        Service = service,
        Instance = instance,
        Role = SkyLabels.MainRole,
        Definition = service,
        Image = "x:1",
        Network = "n",
        Ports = ports ?? [8080],
        Environment = env ?? [],
    };
}
