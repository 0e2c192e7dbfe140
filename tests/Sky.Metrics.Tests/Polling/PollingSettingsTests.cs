using Sky.Metrics.Polling;

namespace Sky.Metrics.Tests.Polling;

public sealed class PollingSettingsTests
{
    private static readonly MetricLabels Web1 = new("shop", "production", "shop-production-web-1");

    private static readonly PollingSettings Full = new()
    {
        ExpvarPath = "/debug/vars",
        PrometheusPath = "/metrics",
        Interval = TimeSpan.FromSeconds(15),
        Timeout = TimeSpan.FromSeconds(2),
        Prefix = "apps.my-application",
        Ignore = ["^memstats\\.PauseNs"],
        Rename = [new MetricRename("^memstats\\.", "mem.")],
    };

    [Fact]
    public void Settings_as_written_in_the_example_have_no_problems()
    {
        Assert.Empty(Full.Validate());
    }

    [Fact]
    public void Nothing_is_polled_every_10_seconds_by_default()
    {
        var settings = new PollingSettings();

        Assert.False(settings.PollsAnything);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.Interval);
        Assert.Empty(settings.Validate());
    }

    [Fact]
    public void The_default_timeout_is_3_seconds_but_never_past_the_interval()
    {
        Assert.Equal(TimeSpan.FromSeconds(3), new PollingSettings().EffectiveTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), new PollingSettings { Interval = TimeSpan.FromSeconds(2) }.EffectiveTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), Full.EffectiveTimeout);
    }

    [Fact]
    public void The_prefix_defaults_to_the_service_and_instance()
    {
        Assert.Equal("services.shop.production", new PollingSettings().GraphitePrefix("shop", "production"));
        Assert.Equal("apps.my-application", Full.GraphitePrefix("shop", "production"));
    }

    [Theory]
    [InlineData("debug/vars", "expvar: 'debug/vars' is not a path on the container's port: start it with /, e.g. /debug/vars")]
    [InlineData("http://127.0.0.1/debug/vars", "expvar: 'http://127.0.0.1/debug/vars' is not a path on the container's port")]
    [InlineData("/debug vars", "expvar: '/debug vars' has a space")]
    [InlineData("/debug/vars#x", "expvar: '/debug/vars#x' has a space, a control character or a #")]
    public void A_path_that_is_not_one_is_said_with_an_example(string path, string expected)
    {
        var problem = Assert.Single(new PollingSettings { ExpvarPath = path }.Validate());

        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_with_a_query_is_fine()
    {
        Assert.Empty(new PollingSettings { PrometheusPath = "/metrics?format=text" }.Validate());
    }

    [Fact]
    public void An_interval_under_a_second_is_refused()
    {
        var problem = Assert.Single(new PollingSettings { Interval = TimeSpan.FromMilliseconds(500) }.Validate());

        Assert.Equal("interval: 500ms is shorter than 1s, the shortest sky polls at", problem);
    }

    [Fact]
    public void A_timeout_past_the_interval_is_refused()
    {
        var problem = Assert.Single(new PollingSettings { Interval = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromSeconds(7.5) }.Validate());

        Assert.StartsWith("timeout: 7.5s is longer than the interval 5s", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_timeout_of_nothing_is_refused()
    {
        var problem = Assert.Single(new PollingSettings { Timeout = TimeSpan.Zero }.Validate());

        Assert.Equal("timeout: 0ms leaves no time to answer", problem);
    }

    [Theory]
    [InlineData("apps..web")]
    [InlineData(".apps")]
    [InlineData("apps.")]
    [InlineData("apps/web")]
    [InlineData("apps web")]
    [InlineData("")]
    public void A_prefix_that_is_not_a_dotted_name_is_refused(string prefix)
    {
        var problem = Assert.Single(new PollingSettings { Prefix = prefix }.Validate());

        Assert.StartsWith($"prefix: '{prefix}' is not a dotted name", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_ignore_and_rename_patterns_are_each_a_problem()
    {
        var problems = new PollingSettings { Ignore = ["(", "fine"], Rename = [new MetricRename("[", "x")] }.Validate();

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("ignore: '(' is not a regular expression", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("rename: 'from' '[' is not a regular expression", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var problems = new PollingSettings { ExpvarPath = "vars", Interval = TimeSpan.Zero, Prefix = "a..b", Ignore = ["("] }.Validate();

        Assert.Equal(["expvar", "interval", "prefix", "ignore"], problems.Select(problem => problem[..problem.IndexOf(':', StringComparison.Ordinal)]));
    }

    [Fact]
    public void A_container_gets_one_target_per_path_on_its_published_port()
    {
        var rules = Full.CompileRules();

        var targets = Full.TargetsFor(49153, Web1, rules);

        Assert.Equal(
            [
                new PollTarget(new Uri("http://127.0.0.1:49153/debug/vars"), PollKind.Expvar, Web1, TimeSpan.FromSeconds(2), rules),
                new PollTarget(new Uri("http://127.0.0.1:49153/metrics"), PollKind.Prometheus, Web1, TimeSpan.FromSeconds(2), rules),
            ],
            targets);
    }

    [Fact]
    public void Settings_without_paths_give_no_targets()
    {
        Assert.Empty(new PollingSettings().TargetsFor(49153, Web1, MetricNameRules.None));
    }

    [Fact]
    public void The_same_settings_read_twice_are_equal_lists_included()
    {
        var again = Full with { Ignore = ["^memstats\\.PauseNs"], Rename = [new MetricRename("^memstats\\.", "mem.")] };

        Assert.Equal(Full, again);
        Assert.Equal(Full.GetHashCode(), again.GetHashCode());
        Assert.NotEqual(Full, again with { Ignore = ["other"] });
    }
}
