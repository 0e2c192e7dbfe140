using Sky.Model;

namespace Sky.Configuration.Tests.Resolution;

public class ServiceResolverTests
{
    private static string Yaml(params string[] lines) => string.Join('\n', lines) + "\n";

    private static List<string> Names(InstanceSpec instance) => instance.Containers.Select(c => c.Name).ToList();

    [Fact]
    public void Instances_inherit_the_parent_image_and_requires()
    {
        var state = TestConfig.Valid(Yaml(
            "app:", "  image: app:1", "  requires: [db]", "  instances:", "    blue: {}", "    green:",
            "db:", "  image: postgres:16"));

        var service = state.FindService("app")!;
        Assert.Equal(["blue", "green"], service.Instances.Select(i => i.Name));
        Assert.All(service.Instances, i => Assert.Equal("app:1", i.Containers[^1].Image));
        Assert.Equal(["app-blue-db", "app-blue"], Names(service.Instances[0]));
        Assert.Equal(["app-green-db", "app-green"], Names(service.Instances[1]));
    }

    [Fact]
    public void Instance_env_is_merged_key_by_key_with_the_instance_winning()
    {
        var state = TestConfig.Valid(Yaml(
            "app:", "  image: app", "  env: {LEVEL: info, REGION: eu}", "  instances:", "    dev:", "      env: {LEVEL: debug, EXTRA: 1}"));

        var env = TestConfig.Container(state, "app-dev").Environment;
        Assert.Equal("debug", env["LEVEL"]);
        Assert.Equal("eu", env["REGION"]);
        Assert.Equal("1", env["EXTRA"]);
    }

    [Fact]
    public void Instances_override_every_other_key_as_a_whole()
    {
        var state = TestConfig.Valid(Yaml(
            "app:", "  image: app", "  ports: [80, 81]", "  memory: 512m", "  cpus: 1", "  restart: always", "  command: serve",
            "  volumes: ['data:/data']",
            "  instances:", "    small: {}", "    big:", "      ports: [90]", "      memory: 2g", "      cpus: 0.5", "      restart: no",
            "      command: [serve, --big]", "      volumes: ['/srv:/data:ro']", "      image: other:2"));

        var small = TestConfig.Container(state, "app-small");
        Assert.Equal([80, 81], small.Ports);
        Assert.Equal(512L * 1024 * 1024, small.MemoryBytes);
        Assert.Equal(1.0, small.Cpus);
        Assert.Equal(new RestartPolicy(RestartMode.Always, 0), small.Restart);
        Assert.Equal(["/bin/sh", "-c", "serve"], small.Command);
        Assert.Equal([new VolumeMount("data", "/data", false, false)], small.Volumes);
        Assert.Equal("app:latest", small.Image);
        var big = TestConfig.Container(state, "app-big");
        Assert.Equal([90], big.Ports);
        Assert.Equal(2L * 1024 * 1024 * 1024, big.MemoryBytes);
        Assert.Equal(0.5, big.Cpus);
        Assert.Equal(RestartMode.No, big.Restart.Mode);
        Assert.Equal(["serve", "--big"], big.Command);
        Assert.Equal([new VolumeMount("/srv", "/data", true, true)], big.Volumes);
        Assert.Equal("other:2", big.Image);
    }

    [Fact]
    public void An_instance_can_override_requires()
    {
        var state = TestConfig.Valid(Yaml(
            "app:", "  image: app", "  requires: [db]", "  instances:", "    prod: {}", "    test: {requires: [fake-db]}",
            "db:", "  image: postgres", "fake-db:", "  image: sqlite"));

        var service = state.FindService("app")!;
        Assert.Equal(["app-prod-db", "app-prod"], Names(service.Instances[0]));
        Assert.Equal(["app-test-fake-db", "app-test"], Names(service.Instances[1]));
        Assert.Equal("fake-db", service.Instances[1].Containers[1].Environment["FAKE_DB_HOST"]);
    }

    [Fact]
    public void A_service_without_instances_has_one_default_instance_with_plain_names()
    {
        var state = TestConfig.Valid(Yaml("web:", "  image: nginx", "  requires: cache", "cache:", "  image: redis"));

        var instance = Assert.Single(state.FindService("web")!.Instances);
        Assert.Equal(Naming.DefaultInstance, instance.Name);
        Assert.Equal("sky-web", instance.Network);
        Assert.Equal(["web-cache", "web"], Names(instance));
        Assert.Equal(Naming.DefaultInstance, instance.Containers[1].Labels[SkyLabels.Instance]);
    }

    [Fact]
    public void A_dependency_copy_ignores_the_dependency_s_own_instances()
    {
        var state = TestConfig.Valid(Yaml(
            "app:", "  image: app", "  requires: [db]",
            "db:", "  image: postgres:16", "  instances:", "    primary: {image: postgres:17}", "    replica: {}"));

        var copy = TestConfig.Container(state, "app-db");
        Assert.Equal("postgres:16", copy.Image);
        Assert.Equal(Naming.DefaultInstance, copy.Instance);
        Assert.Equal(["db-primary", "db-replica"], state.FindService("db")!.Instances.Select(i => i.Containers.Single().Name));
    }

    [Fact]
    public void A_chain_of_dependencies_starts_from_its_far_end()
    {
        var state = TestConfig.Valid(Yaml(
            "app:", "  image: app", "  requires: [api]", "api:", "  image: api", "  requires: [db]", "db:", "  image: db"));

        var instance = state.FindService("app")!.Instances.Single();
        Assert.Equal(["app-db", "app-api", "app"], Names(instance));
        Assert.Equal(["app-db"], instance.Containers[1].DependsOn);
        Assert.Equal(["app-api"], instance.Containers[2].DependsOn);
        Assert.Equal("db", instance.Containers[1].Environment["DB_HOST"]);
        Assert.False(instance.Containers[2].Environment.ContainsKey("DB_HOST"));
    }

    [Fact]
    public void A_diamond_starts_its_shared_dependency_once_and_first()
    {
        var state = TestConfig.Valid(Yaml(
            "app:", "  image: app", "  requires: [left, right]",
            "left:", "  image: l", "  requires: [base]",
            "right:", "  image: r", "  requires: [base]",
            "base:", "  image: b"));

        var instance = state.FindService("app")!.Instances.Single();
        Assert.Equal(["app-base", "app-left", "app-right", "app"], Names(instance));
        Assert.Equal(["app-left", "app-right"], instance.Containers[3].DependsOn);
        Assert.Equal(["app-base"], instance.Containers[2].DependsOn);
    }

    [Fact]
    public void A_dependency_required_twice_gets_one_copy_per_instance()
    {
        var state = TestConfig.Valid(Yaml(
            "app:", "  image: app", "  requires: [cache, api]",
            "api:", "  image: api", "  requires: [cache]",
            "cache:", "  image: redis"));

        Assert.Equal(["app-cache", "app-api", "app"], Names(state.FindService("app")!.Instances.Single()));
    }

    [Fact]
    public void Dependencies_keep_the_order_they_are_declared_in()
    {
        var state = TestConfig.Valid(Yaml(
            "app:", "  image: app", "  requires: [zeta, alpha, mid]",
            "alpha:", "  image: a", "mid:", "  image: m", "zeta:", "  image: z"));

        Assert.Equal(["app-zeta", "app-alpha", "app-mid", "app"], Names(state.FindService("app")!.Instances.Single()));
    }

    [Fact]
    public void Replicas_are_numbered_after_the_first_and_share_one_alias()
    {
        var state = TestConfig.Valid(Yaml(
            "web:", "  image: web", "  replicas: 3", "  requires: [db]", "  instances:", "    prod: {}", "    dev: {replicas: 1}",
            "db:", "  image: db", "  replicas: 2"));

        var service = state.FindService("web")!;
        var prod = service.Instances[0];
        Assert.Equal(["web-prod-db", "web-prod", "web-prod-2", "web-prod-3"], Names(prod));
        Assert.Equal([1, 2, 3], prod.Containers.Skip(1).Select(c => c.Replica));
        Assert.All(prod.Containers.Skip(1), c => Assert.Equal(["web"], c.NetworkAliases));
        Assert.All(prod.Containers.Skip(1), c => Assert.Equal(["web-prod-db"], c.DependsOn));
        Assert.Equal("3", prod.Containers[3].Labels[SkyLabels.Replica]);
        Assert.Equal(["web-dev-db", "web-dev"], Names(service.Instances[1]));
    }

    [Fact]
    public void Services_keep_their_maintainer_and_source()
    {
        var service = TestConfig.Valid(Yaml("# comment", "web:", "  image: web", "  maintainer: {name: Ann, email: ann@example.com}"))
            .FindService("web")!;

        Assert.Equal(new Maintainer("Ann", "ann@example.com"), service.Maintainer);
        Assert.Equal("test.yml:2", service.Source);
    }
}
