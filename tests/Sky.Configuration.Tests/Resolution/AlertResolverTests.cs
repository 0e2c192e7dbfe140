namespace Sky.Configuration.Tests.Resolution;

public class AlertResolverTests
{
    private static string Yaml(params string[] lines) => string.Join('\n', ["app:", "  image: app", "  ports: [ 8080 ]", .. lines]) + "\n";

    /// <summary>The warnings of a configuration that must still be valid: a warning never stops one.</summary>
    private static IReadOnlyList<string> Warnings(params string[] lines)
    {
        var result = TestConfig.Load(Yaml(lines));
        Assert.True(result.IsValid, string.Join('\n', result.Errors));
        return [.. result.Warnings.Select(w => w.ToString())];
    }

    [Theory]
    [InlineData("cpu.percent")]
    [InlineData("memory.percent")]
    [InlineData("requests.5xx.rate")]
    [InlineData("latency.p99")]
    [InlineData("expvar.failed")]
    [InlineData("stats.timers.login.mean")]
    [InlineData("stats_counts.logins")]
    public void A_metric_sky_measures_or_a_statsd_name_is_no_warning(string metric)
    {
        Assert.Empty(Warnings($"  alerts: [ {{ metric: {metric}, above: 1 }} ]"));
    }

    [Fact]
    public void A_metric_sky_does_not_measure_is_a_warning_at_its_name_and_the_rule_still_applies()
    {
        var result = TestConfig.Load(Yaml("  alerts:", "    - metric: queue.depth", "      above: 100"));

        Assert.True(result.IsValid);
        Assert.Equal("queue.depth above 100", Assert.Single(result.State!.FindService("app")!.Instances.Single().Alerts).Text);
        Assert.Equal(
            "test.yml:5:15: app.alerts[0].metric: sky measures no metric 'queue.depth', so this rule never fires "
            + "(an application's own metrics come from metrics.expvar, metrics.prometheus or StatsD: stats.*, stats_counts.*)",
            Assert.Single(result.Warnings).ToString());
    }

    [Fact]
    public void A_warning_says_which_built_in_name_is_close()
    {
        var warning = Assert.Single(Warnings("  alerts: [ { metric: memory.percnt, below: 10 } ]"));

        Assert.StartsWith("test.yml:4:23: app.alerts[0].metric: sky measures no metric 'memory.percnt' (did you mean 'memory.percent'?), so", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("expvar: /debug/vars")]
    [InlineData("prometheus: /metrics")]
    public void Any_name_is_taken_from_an_instance_that_polls_an_endpoint(string endpoint)
    {
        Assert.Empty(Warnings($"  metrics: {{ {endpoint} }}", "  alerts: [ { metric: mem.HeapAlloc, above: 1 } ]"));
    }

    [Fact]
    public void A_service_s_rule_is_warned_about_once_for_the_instances_that_poll_nothing()
    {
        var warnings = Warnings(
            "  alerts: [ { metric: queue.depth, above: 1 } ]",
            "  instances:", "    prod: {}", "    staging: {}", "    dev: { metrics: { prometheus: /metrics } }");

        Assert.StartsWith("test.yml:4:23: app.alerts[0].metric: sky measures no metric 'queue.depth'", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_come_with_errors_when_a_configuration_has_both()
    {
        var result = TestConfig.Load(Yaml("  memory: lots", "  alerts: [ { metric: queue.depth, above: 1 } ]"));

        Assert.False(result.IsValid);
        Assert.Single(result.Errors);
        Assert.Single(result.Warnings);
    }
}
