namespace Sky.Configuration.Tests.Resolution;

public class DependencyCheckerTests
{
    [Fact]
    public void A_longer_cycle_is_named_in_full_and_reported_once()
    {
        var result = TestConfig.Load(string.Join('\n',
            "a:", "  image: x", "  requires: [b]",
            "b:", "  image: x", "  requires: [c]",
            "c:", "  image: x", "  requires: [a]",
            "d:", "  image: x", "  requires: [a]", ""));

        Assert.Equal(["test.yml:9:14: c.requires[0]: requires cycle: a -> b -> c -> a"], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void A_job_required_by_an_instance_is_an_error()
    {
        var error = TestConfig.SingleError(string.Join('\n',
            "app:", "  image: x", "  instances:", "    dev: {requires: [backup]}",
            "backup:", "  image: y", "  every: 1 day at 03:00", ""));

        Assert.Equal("test.yml:4:22: app.instances.dev.requires[0]: 'backup' is a recurrent job and cannot be required", error);
    }

    [Fact]
    public void An_unknown_dependency_without_a_close_name_has_no_suggestion()
    {
        var error = TestConfig.SingleError("app:\n  image: x\n  requires: [elasticsearch]\ndb:\n  image: y\n");

        Assert.Equal("test.yml:3:14: app.requires[0]: unknown dependency 'elasticsearch'", error);
    }
}
