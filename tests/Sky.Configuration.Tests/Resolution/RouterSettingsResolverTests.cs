using Sky.Model;
using Sky.Model.Routing;

namespace Sky.Configuration.Tests.Resolution;

public class RouterSettingsResolverTests
{
    private static string Yaml(params string[] lines) => string.Join('\n', lines) + "\n";

    private static InstanceSpec Instance(DesiredState state, string service, string instance) =>
        state.FindService(service)!.Instances.Single(i => i.Name == instance);

    [Fact]
    public void A_service_without_router_gets_the_router_s_defaults()
    {
        var state = TestConfig.Valid(Yaml("app:", "  image: app"));

        Assert.Equal(RouterSettings.Default, state.FindService("app")!.Instances.Single().Router);
    }

    [Fact]
    public void Every_key_of_router_and_breaker_is_read()
    {
        var state = TestConfig.Valid(Yaml(
            "app:", "  image: app", "  router:", "    balancing: least-requests", "    drain-timeout: 30s",
            "    breaker: { failure-ratio: 25%, minimum-requests: 20, window: 1m, first-ejection: 2s, max-ejection: 5m }"));

        var router = state.FindService("app")!.Instances.Single().Router;

        Assert.Equal(Balancing.LeastRequests, router.Balancing);
        Assert.Equal(TimeSpan.FromSeconds(30), router.DrainTimeout);
        Assert.Equal(
            new BreakerSettings
            {
                FailureRatio = 0.25,
                MinimumRequests = 20,
                Window = TimeSpan.FromMinutes(1),
                FirstEjection = TimeSpan.FromSeconds(2),
                MaxEjection = TimeSpan.FromMinutes(5),
            },
            router.Breaker);
    }

    [Theory]
    [InlineData("0.5", 0.5)]
    [InlineData("50%", 0.5)]
    [InlineData("100%", 1.0)]
    [InlineData("1", 1.0)]
    [InlineData("12.5%", 0.125)]
    public void A_failure_ratio_is_a_fraction_or_a_percentage(string written, double ratio)
    {
        var state = TestConfig.Valid(Yaml("app:", "  image: app", $"  router: {{ breaker: {{ failure-ratio: {written} }} }}"));

        Assert.Equal(ratio, state.FindService("app")!.Instances.Single().Router.Breaker.FailureRatio);
    }

    [Fact]
    public void An_instance_s_router_merges_over_its_service_s_key_by_key_at_every_depth()
    {
        var state = TestConfig.Valid(Yaml(
            "app:", "  image: app", "  router:", "    drain-timeout: 30s", "    breaker: { window: 1m, minimum-requests: 20 }",
            "  instances:", "    prod: {}", "    dev:", "      router: { balancing: least-requests, breaker: { minimum-requests: 2 } }"));

        var prod = Instance(state, "app", "prod").Router;
        var dev = Instance(state, "app", "dev").Router;

        Assert.Equal((Balancing.RoundRobin, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), 20), (prod.Balancing, prod.DrainTimeout, prod.Breaker.Window, prod.Breaker.MinimumRequests));
        Assert.Equal((Balancing.LeastRequests, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), 2), (dev.Balancing, dev.DrainTimeout, dev.Breaker.Window, dev.Breaker.MinimumRequests));
    }

    [Fact]
    public void Changing_router_settings_replaces_no_container()
    {
        var before = TestConfig.Valid(Yaml("app:", "  image: app", "  ports: [80]", "  instances:", "    prod: {}"));
        var after = TestConfig.Valid(Yaml(
            "app:", "  image: app", "  ports: [80]", "  router: { balancing: least-requests, breaker: { window: 1m } }",
            "  instances:", "    prod: { router: { drain-timeout: 1m } }"));

        Assert.NotEqual(Instance(before, "app", "prod").Router, Instance(after, "app", "prod").Router);
        Assert.Equal(TestConfig.Container(before, "app-prod").ConfigHash, TestConfig.Container(after, "app-prod").ConfigHash);
        Assert.Equal(TestConfig.Container(before, "app-prod").Labels, TestConfig.Container(after, "app-prod").Labels);
    }

    [Theory]
    [InlineData("test.yml:3:24: app.router.balancing: 'random' is not a balancing policy (use round-robin or least-requests)",
        "app:", "  image: app", "  router: { balancing: random }")]
    [InlineData("test.yml:4:5: app.router.balancng: unknown key 'balancng' (did you mean 'balancing'?)",
        "app:", "  image: app", "  router:", "    balancng: least-requests")]
    [InlineData("test.yml:5:7: app.router.breaker.failure-rate: unknown key 'failure-rate' (did you mean 'failure-ratio'?)",
        "app:", "  image: app", "  router:", "    breaker:", "      failure-rate: 50%")]
    [InlineData("test.yml:3:11: app.router: expected a mapping of router settings (balancing, breaker, ...), found 'on'",
        "app:", "  image: app", "  router: on")]
    [InlineData("test.yml:3:22: app.router.breaker: expected a mapping of breaker settings (failure-ratio, window, ...), found '50%'",
        "app:", "  image: app", "  router: { breaker: 50% }")]
    [InlineData("test.yml:3:39: app.router.breaker.failure-ratio: '0' is not a failure ratio (use a share above 0 and at most 1, such as 50% or 0.5)",
        "app:", "  image: app", "  router: { breaker: { failure-ratio: 0 } }")]
    [InlineData("test.yml:3:39: app.router.breaker.failure-ratio: '150%' is not a failure ratio (use a share above 0 and at most 1, such as 50% or 0.5)",
        "app:", "  image: app", "  router: { breaker: { failure-ratio: 150% } }")]
    [InlineData("test.yml:3:42: app.router.breaker.minimum-requests: '0' is not a number of requests (use 1 or more)",
        "app:", "  image: app", "  router: { breaker: { minimum-requests: 0 } }")]
    [InlineData("test.yml:3:32: app.router.breaker.window: '0s' is not a duration (use 5s, 2m, 1h)",
        "app:", "  image: app", "  router: { breaker: { window: 0s } }")]
    [InlineData("test.yml:3:28: app.router.drain-timeout: 'soon' is not a duration (use 5s, 2m, 1h)",
        "app:", "  image: app", "  router: { drain-timeout: soon }")]
    [InlineData("test.yml:3:22: app.router.breaker: first-ejection (2m) is longer than max-ejection (1m)",
        "app:", "  image: app", "  router: { breaker: { first-ejection: 2m, max-ejection: 1m } }")]
    [InlineData("test.yml:3:22: app.router.breaker: first-ejection (2m) is longer than max-ejection (1m, the default)",
        "app:", "  image: app", "  router: { breaker: { first-ejection: 2m } }")]
    [InlineData("test.yml:6:26: app.instances.dev.router.breaker: first-ejection (10s) is longer than max-ejection (5s)",
        "app:", "  image: app", "  router: { breaker: { max-ejection: 5s } }", "  instances:", "    dev:",
        "      router: { breaker: { first-ejection: 10s } }")]
    [InlineData("test.yml:4:3: j.router: 'router' is not allowed in a recurrent job (entries with every:)",
        "j:", "  image: x", "  every: 1 day at 17:00", "  router: { balancing: least-requests }")]
    public void A_mistake_in_router_is_one_precise_error(string expected, params string[] lines)
    {
        Assert.Equal(expected, TestConfig.SingleError(Yaml(lines)));
    }
}
