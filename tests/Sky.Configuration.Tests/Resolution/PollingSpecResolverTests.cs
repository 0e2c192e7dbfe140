using Sky.Model;
using Sky.Model.Metrics;

namespace Sky.Configuration.Tests.Resolution;

public class PollingSpecResolverTests
{
    private static string Yaml(params string[] lines) => string.Join('\n', lines) + "\n";

    private static InstanceSpec Instance(DesiredState state, string service, string instance) =>
        state.FindService(service)!.Instances.Single(i => i.Name == instance);

    [Fact]
    public void An_instance_without_metrics_polls_nothing()
    {
        var state = TestConfig.Valid(Yaml("app:", "  image: app", "  ports: [ 8080 ]"));

        Assert.Null(state.FindService("app")!.Instances.Single().Metrics);
    }

    [Fact]
    public void Every_key_of_metrics_is_read()
    {
        var state = TestConfig.Valid(Yaml(
            "app:", "  image: app", "  ports: [ 8080 ]", "  metrics:", "    expvar: /debug/vars", "    prometheus: /metrics",
            "    interval: 30s", "    prefix: apps.my-application", "    ignore: [ \"^memstats\\\\.PauseNs\" ]",
            "    rename: [ { from: \"^memstats\\\\.\", to: \"mem.\" }, { from: \"^(.*)_total$\", to: \"$1\" } ]"));

        var metrics = state.FindService("app")!.Instances.Single().Metrics!;

        Assert.Equal("/debug/vars", metrics.Expvar);
        Assert.Equal("/metrics", metrics.Prometheus);
        Assert.Equal(TimeSpan.FromSeconds(30), metrics.Interval);
        Assert.Equal("apps.my-application", metrics.Prefix);
        Assert.Equal(["^memstats\\.PauseNs"], metrics.Ignore);
        Assert.Equal([new RenameRule("^memstats\\.", "mem."), new RenameRule("^(.*)_total$", "$1")], metrics.Rename);
    }

    [Fact]
    public void Keys_left_out_keep_the_poller_s_defaults()
    {
        var state = TestConfig.Valid(Yaml("app:", "  image: app", "  ports: [ 8080 ]", "  metrics: { prometheus: /metrics }"));

        var metrics = state.FindService("app")!.Instances.Single().Metrics!;

        Assert.Equal((null, TimeSpan.FromSeconds(10), null), (metrics.Expvar, metrics.Interval, metrics.Prefix));
        Assert.Empty(metrics.Ignore);
        Assert.Empty(metrics.Rename);
    }

    [Fact]
    public void One_ignore_pattern_may_be_written_without_a_list()
    {
        var state = TestConfig.Valid(Yaml("app:", "  image: app", "  ports: [ 8080 ]", "  metrics: { expvar: /debug/vars, ignore: \"^cmdline$\" }"));

        Assert.Equal(["^cmdline$"], state.FindService("app")!.Instances.Single().Metrics!.Ignore);
    }

    [Fact]
    public void An_instance_s_metrics_merges_over_its_service_s_key_by_key_and_its_lists_replace_the_service_s()
    {
        var state = TestConfig.Valid(Yaml(
            "app:", "  image: app", "  ports: [ 8080 ]",
            "  metrics: { expvar: /debug/vars, interval: 30s, ignore: [ \"^a\" ] }",
            "  instances:", "    prod: {}", "    dev:", "      metrics: { interval: 1m, prefix: dev.app, ignore: [ \"^b\" ] }"));

        var prod = Instance(state, "app", "prod").Metrics!;
        var dev = Instance(state, "app", "dev").Metrics!;

        Assert.Equal(("/debug/vars", TimeSpan.FromSeconds(30), (string?)null, "^a"), (prod.Expvar, prod.Interval, prod.Prefix, Assert.Single(prod.Ignore)));
        Assert.Equal(("/debug/vars", TimeSpan.FromMinutes(1), (string?)"dev.app", "^b"), (dev.Expvar, dev.Interval, dev.Prefix, Assert.Single(dev.Ignore)));
    }

    [Fact]
    public void An_instance_may_poll_when_its_service_does_not()
    {
        var state = TestConfig.Valid(Yaml(
            "app:", "  image: app", "  ports: [ 8080 ]", "  instances:", "    prod: {}", "    dev: { metrics: { prometheus: /metrics } }"));

        Assert.Null(Instance(state, "app", "prod").Metrics);
        Assert.Equal("/metrics", Instance(state, "app", "dev").Metrics!.Prometheus);
    }

    [Fact]
    public void An_endpoint_is_polled_on_the_ports_an_instance_sets_when_its_service_has_none()
    {
        var state = TestConfig.Valid(Yaml(
            "app:", "  image: app", "  metrics: { expvar: /debug/vars }", "  instances:", "    prod: { ports: [ 8080 ] }"));

        Assert.Equal("/debug/vars", Instance(state, "app", "prod").Metrics!.Expvar);
    }

    [Fact]
    public void Changing_metrics_replaces_no_container()
    {
        var before = TestConfig.Valid(Yaml("app:", "  image: app", "  ports: [80]", "  instances:", "    prod: {}"));
        var after = TestConfig.Valid(Yaml(
            "app:", "  image: app", "  ports: [80]", "  metrics: { expvar: /debug/vars, interval: 1m, rename: [ { from: a, to: b } ] }",
            "  instances:", "    prod: { metrics: { prefix: apps.prod } }"));

        Assert.NotEqual(Instance(before, "app", "prod").Metrics, Instance(after, "app", "prod").Metrics);
        Assert.Equal(TestConfig.Container(before, "app-prod").ConfigHash, TestConfig.Container(after, "app-prod").ConfigHash);
        Assert.Equal(TestConfig.Container(before, "app-prod").Labels, TestConfig.Container(after, "app-prod").Labels);
    }

    [Theory]
    [InlineData("test.yml:3:22: app.metrics.expvar: 'app' has no ports: nothing to poll /debug/vars on (add ports:, the first is polled)",
        "app:", "  image: app", "  metrics: { expvar: /debug/vars }")]
    [InlineData("test.yml:4:17: app.metrics.prometheus: 'app' has no ports: nothing to poll /metrics on (add ports:, the first is polled)",
        "app:", "  image: app", "  metrics:", "    prometheus: /metrics", "  instances:", "    prod: {}", "    dev: {}")]
    [InlineData("test.yml:6:26: app.instances.dev.metrics.expvar: 'app' has no ports: nothing to poll /debug/vars on (add ports:, the first is polled)",
        "app:", "  image: app", "  instances:", "    prod: { ports: [ 80 ] }", "    dev:", "      metrics: { expvar: /debug/vars }")]
    [InlineData("test.yml:4:3: j.metrics: 'metrics' is not allowed in a recurrent job (entries with every:)",
        "j:", "  image: x", "  every: 1 day at 17:00", "  metrics: { expvar: /debug/vars }")]
    public void An_endpoint_with_nothing_to_poll_it_on_is_one_precise_error(string expected, params string[] lines)
    {
        Assert.Equal(expected, TestConfig.SingleError(Yaml(lines)));
    }
}
