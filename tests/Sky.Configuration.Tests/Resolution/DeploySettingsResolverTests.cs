using Sky.Model;
using Sky.Model.Deploys;

namespace Sky.Configuration.Tests.Resolution;

public class DeploySettingsResolverTests
{
    private static string Yaml(params string[] lines) => string.Join('\n', lines) + "\n";

    private static InstanceSpec Instance(DesiredState state, string service, string instance) =>
        state.FindService(service)!.Instances.Single(i => i.Name == instance);

    [Fact]
    public void A_service_without_deploy_rolls_out_with_the_defaults()
    {
        var state = TestConfig.Valid(Yaml("app:", "  image: app"));

        var deploy = state.FindService("app")!.Instances.Single().Deploy;

        Assert.Equal(DeploySettings.Default, deploy);
        Assert.Equal((1, (DeployOrder?)null, 1.0, TimeSpan.FromSeconds(60), true),
            (deploy.Parallel, deploy.Order, deploy.MinHealthy, deploy.HealthTimeout, deploy.AutoRollback));
    }

    [Fact]
    public void An_empty_deploy_keeps_every_default()
    {
        var state = TestConfig.Valid(Yaml("app:", "  image: app", "  deploy: {}"));

        Assert.Equal(DeploySettings.Default, state.FindService("app")!.Instances.Single().Deploy);
    }

    [Fact]
    public void Every_key_of_deploy_is_read()
    {
        var state = TestConfig.Valid(Yaml(
            "app:", "  image: app", "  replicas: 4", "  deploy:", "    parallel: 2", "    order: stop-first", "    min-healthy: 50%",
            "    health-timeout: 2m", "    auto-rollback: false"));

        Assert.Equal(
            new DeploySettings
            {
                Parallel = 2,
                Order = DeployOrder.StopFirst,
                MinHealthy = 0.5,
                HealthTimeout = TimeSpan.FromMinutes(2),
                AutoRollback = false,
            },
            state.FindService("app")!.Instances.Single().Deploy);
    }

    [Fact]
    public void Keys_left_out_keep_the_rollout_s_defaults()
    {
        var state = TestConfig.Valid(Yaml("app:", "  image: app", "  deploy: { parallel: 3 }"));

        Assert.Equal(DeploySettings.Default with { Parallel = 3 }, state.FindService("app")!.Instances.Single().Deploy);
    }

    [Theory]
    [InlineData("start-first", DeployOrder.StartFirst)]
    [InlineData("stop-first", DeployOrder.StopFirst)]
    public void The_order_is_one_of_two_words(string written, DeployOrder order)
    {
        var state = TestConfig.Valid(Yaml("app:", "  image: app", $"  deploy: {{ order: {written} }}"));

        Assert.Equal(order, state.FindService("app")!.Instances.Single().Deploy.Order);
    }

    [Theory]
    [InlineData("0%", 0.0)]
    [InlineData("0", 0.0)]
    [InlineData("50%", 0.5)]
    [InlineData("0.5", 0.5)]
    [InlineData("12.5%", 0.125)]
    [InlineData("100%", 1.0)]
    [InlineData("1", 1.0)]
    public void Min_healthy_is_a_percentage_or_a_fraction_from_none_to_all(string written, double share)
    {
        var state = TestConfig.Valid(Yaml("app:", "  image: app", $"  deploy: {{ min-healthy: {written} }}"));

        Assert.Equal(share, state.FindService("app")!.Instances.Single().Deploy.MinHealthy);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("no", false)]
    public void Auto_rollback_is_a_boolean(string written, bool rollback)
    {
        var state = TestConfig.Valid(Yaml("app:", "  image: app", $"  deploy: {{ auto-rollback: {written} }}"));

        Assert.Equal(rollback, state.FindService("app")!.Instances.Single().Deploy.AutoRollback);
    }

    [Fact]
    public void An_instance_s_deploy_merges_over_its_service_s_key_by_key()
    {
        var state = TestConfig.Valid(Yaml(
            "app:", "  image: app", "  deploy:", "    parallel: 2", "    min-healthy: 50%", "    health-timeout: 2m",
            "  instances:", "    prod: {}", "    dev:", "      deploy: { order: stop-first, min-healthy: 0%, auto-rollback: false }"));

        var prod = Instance(state, "app", "prod").Deploy;
        var dev = Instance(state, "app", "dev").Deploy;

        Assert.Equal(
            DeploySettings.Default with { Parallel = 2, MinHealthy = 0.5, HealthTimeout = TimeSpan.FromMinutes(2) },
            prod);
        Assert.Equal(
            new DeploySettings
            {
                Parallel = 2,
                Order = DeployOrder.StopFirst,
                MinHealthy = 0,
                HealthTimeout = TimeSpan.FromMinutes(2),
                AutoRollback = false,
            },
            dev);
    }

    [Fact]
    public void An_instance_may_set_deploy_when_its_service_does_not()
    {
        var state = TestConfig.Valid(Yaml("app:", "  image: app", "  instances:", "    prod: { deploy: { parallel: 2 } }", "    dev: {}"));

        Assert.Equal(2, Instance(state, "app", "prod").Deploy.Parallel);
        Assert.Equal(DeploySettings.Default, Instance(state, "app", "dev").Deploy);
    }

    [Fact]
    public void Changing_deploy_settings_replaces_no_container()
    {
        var before = TestConfig.Valid(Yaml("app:", "  image: app", "  ports: [80]", "  replicas: 2", "  instances:", "    prod: {}"));
        var after = TestConfig.Valid(Yaml(
            "app:", "  image: app", "  ports: [80]", "  replicas: 2",
            "  deploy: { parallel: 2, order: stop-first, min-healthy: 0%, health-timeout: 5m, auto-rollback: false }",
            "  instances:", "    prod: { deploy: { parallel: 1 } }"));

        Assert.NotEqual(Instance(before, "app", "prod").Deploy, Instance(after, "app", "prod").Deploy);
        foreach (var replica in new[] { "app-prod", "app-prod-2" })
        {
            Assert.Equal(TestConfig.Container(before, replica).ConfigHash, TestConfig.Container(after, replica).ConfigHash);
            Assert.Equal(TestConfig.Container(before, replica).Labels, TestConfig.Container(after, replica).Labels);
        }
    }

    [Theory]
    [InlineData("test.yml:3:23: app.deploy.parallel: '0' is not a number of containers replaced at a time (use 1 or more)",
        "app:", "  image: app", "  deploy: { parallel: 0 }")]
    [InlineData("test.yml:3:23: app.deploy.parallel: 'two' is not a number of containers replaced at a time (use 1 or more)",
        "app:", "  image: app", "  deploy: { parallel: two }")]
    [InlineData("test.yml:3:20: app.deploy.order: 'rolling' is not a deploy order (use start-first or stop-first)",
        "app:", "  image: app", "  deploy: { order: rolling }")]
    [InlineData("test.yml:3:20: app.deploy.order: expected a deploy order, found a list",
        "app:", "  image: app", "  deploy: { order: [ stop-first ] }")]
    [InlineData("test.yml:3:26: app.deploy.min-healthy: '150%' is not a share of healthy replicas (use a share from 0 to 1, such as 50% or 0.5)",
        "app:", "  image: app", "  deploy: { min-healthy: 150% }")]
    [InlineData("test.yml:3:26: app.deploy.min-healthy: '-10%' is not a share of healthy replicas (use a share from 0 to 1, such as 50% or 0.5)",
        "app:", "  image: app", "  deploy: { min-healthy: -10% }")]
    [InlineData("test.yml:3:29: app.deploy.health-timeout: 'soon' is not a duration (use 5s, 2m, 1h)",
        "app:", "  image: app", "  deploy: { health-timeout: soon }")]
    [InlineData("test.yml:3:28: app.deploy.auto-rollback: 'maybe' is not true or false",
        "app:", "  image: app", "  deploy: { auto-rollback: maybe }")]
    [InlineData("test.yml:3:11: app.deploy: expected a mapping of deploy settings (parallel, order, min-healthy, ...), found 'on'",
        "app:", "  image: app", "  deploy: on")]
    [InlineData("test.yml:3:13: app.deploy.paralel: unknown key 'paralel' (did you mean 'parallel'?)",
        "app:", "  image: app", "  deploy: { paralel: 2 }")]
    [InlineData("test.yml:4:5: app.deploy.min-healty: unknown key 'min-healty' (did you mean 'min-healthy'?)",
        "app:", "  image: app", "  deploy:", "    min-healty: 50%")]
    [InlineData("test.yml:3:13: app.deploy.replicas: unknown key 'replicas'",
        "app:", "  image: app", "  deploy: { replicas: 2 }")]
    [InlineData("test.yml:6:30: app.instances.dev.deploy.min-healthy: '101%' is not a share of healthy replicas (use a share from 0 to 1, such as 50% or 0.5)",
        "app:", "  image: app", "  deploy: { parallel: 2 }", "  instances:", "    dev:", "      deploy: { min-healthy: 101% }")]
    [InlineData("test.yml:4:3: j.deploy: 'deploy' is not allowed in a recurrent job (entries with every:)",
        "j:", "  image: x", "  every: 1 day at 17:00", "  deploy: { parallel: 2 }")]
    public void A_mistake_in_deploy_is_one_precise_error(string expected, params string[] lines)
    {
        Assert.Equal(expected, TestConfig.SingleError(Yaml(lines)));
    }
}
