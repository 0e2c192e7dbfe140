using Sky.Model;

namespace Sky.Configuration.Tests.Resolution;

public class ContainerBuilderTests
{
    private static string Yaml(params string[] lines) => string.Join('\n', lines) + "\n";

    [Fact]
    public void Every_port_of_a_dependency_is_announced_and_the_first_is_its_main_port()
    {
        var state = TestConfig.Valid(Yaml(
            "app:", "  image: app", "  requires: [message-bus]", "message-bus:", "  image: rabbitmq", "  ports: [5672, 15672]"));

        var env = TestConfig.Container(state, "app").Environment;
        Assert.Equal("message-bus", env["MESSAGE_BUS_HOST"]);
        Assert.Equal("5672", env["MESSAGE_BUS_PORT"]);
        Assert.Equal("5672", env["MESSAGE_BUS_PORT_1"]);
        Assert.Equal("15672", env["MESSAGE_BUS_PORT_2"]);
    }

    [Fact]
    public void A_dependency_without_ports_is_announced_by_host_only()
    {
        var state = TestConfig.Valid(Yaml("app:", "  image: app", "  requires: [worker]", "worker:", "  image: w"));

        var env = TestConfig.Container(state, "app").Environment;
        Assert.Equal("worker", env["WORKER_HOST"]);
        Assert.DoesNotContain("WORKER_PORT", env.Keys);
    }

    [Fact]
    public void The_entry_s_own_env_wins_over_discovery()
    {
        var state = TestConfig.Valid(Yaml(
            "app:", "  image: app", "  requires: [db]", "  env: {DB_HOST: db.internal}", "db:", "  image: db", "  ports: [5432]"));

        var env = TestConfig.Container(state, "app").Environment;
        Assert.Equal("db.internal", env["DB_HOST"]);
        Assert.Equal("5432", env["DB_PORT"]);
    }

    [Fact]
    public void Env_values_of_any_yaml_type_are_kept_as_written()
    {
        var state = TestConfig.Valid(Yaml(
            "app:", "  image: app", "  env:", "    PORT: 8080", "    DEBUG: true", "    RATIO: 1.50", "    OFF: no", "    EMPTY: ''"));

        var env = TestConfig.Container(state, "app").Environment;
        Assert.Equal("8080", env["PORT"]);
        Assert.Equal("true", env["DEBUG"]);
        Assert.Equal("1.50", env["RATIO"]);
        Assert.Equal("no", env["OFF"]);
        Assert.Equal("", env["EMPTY"]);
    }

    [Fact]
    public void Named_volumes_take_the_namespace_and_host_folders_do_not()
    {
        var state = TestConfig.Valid(
            Yaml("app:", "  image: app", "  volumes:", "    - data:/var/lib/data", "    - /srv/conf:/etc/app:ro",
                "    - {source: cache, target: /cache, read-only: true}"),
            new Naming("t1"));

        Assert.Equal(
            [
                new VolumeMount("t1-data", "/var/lib/data", false, false),
                new VolumeMount("/srv/conf", "/etc/app", true, true),
                new VolumeMount("t1-cache", "/cache", false, true),
            ],
            TestConfig.Container(state, "t1-app").Volumes);
    }

    [Fact]
    public void Checks_get_their_defaults_and_http_checks_the_first_port()
    {
        var state = TestConfig.Valid(Yaml(
            "app:", "  image: app", "  ports: [8080, 9090]", "  checks:",
            "    - http: /health",
            "    - {http: /metrics, port: 9090, interval: 10s, timeout: 1s, retries: 3, start-period: 30s}",
            "    - port: 9090",
            "    - command: pg_isready"));

        var checks = TestConfig.Container(state, "app").Checks;
        Assert.Equal(new CheckSpec { Kind = CheckKind.Http, Path = "/health", Port = 8080 }, checks[0]);
        Assert.Equal(
            new CheckSpec
            {
                Kind = CheckKind.Http, Path = "/metrics", Port = 9090, Interval = TimeSpan.FromSeconds(10),
                Timeout = TimeSpan.FromSeconds(1), Retries = 3, StartPeriod = TimeSpan.FromSeconds(30),
            },
            checks[1]);
        Assert.Equal(new CheckSpec { Kind = CheckKind.Port, Port = 9090 }, checks[2]);
        Assert.Equal(new CheckSpec { Kind = CheckKind.Command, Command = "pg_isready" }, checks[3]);
    }

    [Fact]
    public void An_inherited_http_check_follows_the_instance_s_own_ports()
    {
        var state = TestConfig.Valid(Yaml(
            "app:", "  image: app", "  ports: [80]", "  checks: [{http: /}]", "  instances:", "    a: {}", "    b: {ports: [8000]}"));

        Assert.Equal(80, TestConfig.Container(state, "app-a").Checks.Single().Port);
        Assert.Equal(8000, TestConfig.Container(state, "app-b").Checks.Single().Port);
    }

    [Fact]
    public void The_config_hash_label_changes_with_what_docker_fixes_at_creation()
    {
        var one = TestConfig.Container(TestConfig.Valid(Yaml("app:", "  image: app:1")), "app");
        var two = TestConfig.Container(TestConfig.Valid(Yaml("app:", "  image: app:2")), "app");

        Assert.Equal(one.ConfigHash, one.Labels[SkyLabels.ConfigHash]);
        Assert.NotEqual(one.Labels[SkyLabels.ConfigHash], two.Labels[SkyLabels.ConfigHash]);
        Assert.Equal(SkyLabels.MainRole, one.Labels[SkyLabels.Role]);
        Assert.Equal("app", one.Labels[SkyLabels.Service]);
    }
}
