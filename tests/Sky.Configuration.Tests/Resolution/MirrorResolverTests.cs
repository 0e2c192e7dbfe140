using Sky.Model.Routing;

namespace Sky.Configuration.Tests.Resolution;

public class MirrorResolverTests
{
    private static string Yaml(params string[] lines) => string.Join('\n', lines) + "\n";

    [Fact]
    public void An_instance_name_mirrors_every_request_to_it()
    {
        var state = TestConfig.Valid(Yaml("app:", "  image: app", "  instances:", "    prod: { mirror: dev }", "    dev: {}"));

        var instances = state.FindService("app")!.Instances;
        Assert.Equal(new MirrorSpec("dev", 100), instances[0].Mirror);
        Assert.Null(instances[1].Mirror);
    }

    [Theory]
    [InlineData("50", 50)]
    [InlineData("5%", 5)]
    [InlineData("100", 100)]
    public void A_mapping_mirrors_a_percentage_of_requests(string percent, int expected)
    {
        var state = TestConfig.Valid(Yaml("app:", "  image: app", "  instances:", $"    prod: {{ mirror: {{ to: dev, percent: {percent} }} }}", "    dev: {}"));

        Assert.Equal(new MirrorSpec("dev", expected), state.FindService("app")!.Instances[0].Mirror);
    }

    [Fact]
    public void A_mapping_without_percent_mirrors_every_request()
    {
        var state = TestConfig.Valid(Yaml("app:", "  image: app", "  instances:", "    prod:", "      mirror: { to: dev }", "    dev: {}"));

        Assert.Equal(new MirrorSpec("dev", 100), state.FindService("app")!.Instances[0].Mirror);
    }

    [Fact]
    public void Changing_a_mirror_replaces_no_container()
    {
        var without = TestConfig.Valid(Yaml("app:", "  image: app", "  instances:", "    prod: {}", "    dev: {}"));
        var with = TestConfig.Valid(Yaml("app:", "  image: app", "  instances:", "    prod: { mirror: dev }", "    dev: {}"));

        Assert.Equal(TestConfig.Container(without, "app-prod").ConfigHash, TestConfig.Container(with, "app-prod").ConfigHash);
    }

    [Theory]
    [InlineData("test.yml:4:21: app.instances.prod.mirror: 'app' has no instance 'dve' to mirror to (did you mean 'dev'?)",
        "app:", "  image: app", "  instances:", "    prod: { mirror: dve }", "    dev: {}")]
    [InlineData("test.yml:4:27: app.instances.prod.mirror.to: 'app' has no instance 'qa' to mirror to",
        "app:", "  image: app", "  instances:", "    prod: { mirror: { to: qa } }", "    dev: {}")]
    [InlineData("test.yml:4:21: app.instances.prod.mirror: instance 'prod' cannot mirror to itself (name another instance of 'app')",
        "app:", "  image: app", "  instances:", "    prod: { mirror: prod }", "    dev: {}")]
    [InlineData("test.yml:3:3: app.mirror: 'mirror' is only for instances (set it under instances:)",
        "app:", "  image: app", "  mirror: dev", "  instances:", "    dev: {}")]
    [InlineData("test.yml:4:3: j.mirror: 'mirror' is not allowed in a recurrent job (entries with every:)",
        "j:", "  image: x", "  every: 1 day at 17:00", "  mirror: dev")]
    [InlineData("test.yml:4:41: app.instances.prod.mirror.percent: '0' is not a percentage of requests (use a whole number from 1 to 100)",
        "app:", "  image: app", "  instances:", "    prod: { mirror: { to: dev, percent: 0 } }", "    dev: {}")]
    [InlineData("test.yml:4:41: app.instances.prod.mirror.percent: '101' is not a percentage of requests (use a whole number from 1 to 100)",
        "app:", "  image: app", "  instances:", "    prod: { mirror: { to: dev, percent: 101 } }", "    dev: {}")]
    [InlineData("test.yml:4:21: app.instances.prod.mirror: a mirror needs to: INSTANCE",
        "app:", "  image: app", "  instances:", "    prod: { mirror: { percent: 10 } }", "    dev: {}")]
    [InlineData("test.yml:4:32: app.instances.prod.mirror.precent: unknown key 'precent' (did you mean 'percent'?)",
        "app:", "  image: app", "  instances:", "    prod: { mirror: { to: dev, precent: 10 } }", "    dev: {}")]
    [InlineData("test.yml:4:21: app.instances.prod.mirror: expected an instance name, or a mapping with to and percent, found a list",
        "app:", "  image: app", "  instances:", "    prod: { mirror: [dev] }", "    dev: {}")]
    public void A_mistake_in_mirror_is_one_precise_error(string expected, params string[] lines)
    {
        Assert.Equal(expected, TestConfig.SingleError(Yaml(lines)));
    }
}
