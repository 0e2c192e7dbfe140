namespace Sky.Configuration.Tests.Reading;

public class MetricsReaderTests
{
    private static string Yaml(params string[] lines) => string.Join('\n', ["app:", "  image: app", "  ports: [ 8080 ]", .. lines]) + "\n";

    [Theory]
    [InlineData("1s")]
    [InlineData("1m30s")]
    public void An_interval_of_a_second_or_more_is_read(string interval)
    {
        TestConfig.Valid(Yaml($"  metrics: {{ expvar: /debug/vars, interval: {interval} }}"));
    }

    [Theory]
    [InlineData("apps")]
    [InlineData("apps.my-application")]
    [InlineData("Team_1.shop-2.prod")]
    public void A_prefix_is_dot_separated_parts_of_letters_digits_underscores_and_dashes(string prefix)
    {
        var state = TestConfig.Valid(Yaml($"  metrics: {{ prefix: {prefix} }}"));

        Assert.Equal(prefix, state.FindService("app")!.Instances.Single().Metrics!.Prefix);
    }

    [Fact]
    public void A_rename_may_delete_what_it_matches()
    {
        var state = TestConfig.Valid(Yaml("  metrics: { expvar: /debug/vars, rename: [ { from: \"^go_\", to: \"\" } ] }"));

        Assert.Equal("", Assert.Single(state.FindService("app")!.Instances.Single().Metrics!.Rename).To);
    }

    [Theory]
    [InlineData("test.yml:4:22: app.metrics.expvar: 'debug/vars' is not an HTTP path (start it with /)",
        "  metrics: { expvar: debug/vars }")]
    [InlineData("test.yml:5:17: app.metrics.prometheus: 'metrics' is not an HTTP path (start it with /)",
        "  metrics:", "    prometheus: metrics")]
    [InlineData("test.yml:4:24: app.metrics.interval: '500ms' is too short a polling interval (use 1s or more)",
        "  metrics: { interval: 500ms }")]
    [InlineData("test.yml:4:24: app.metrics.interval: 'often' is not a duration (use 5s, 2m, 1h)",
        "  metrics: { interval: often }")]
    [InlineData("test.yml:4:22: app.metrics.prefix: 'apps..shop' is not a Graphite prefix (use parts of letters, digits, '_' and '-' joined by dots, such as apps.my-application)",
        "  metrics: { prefix: apps..shop }")]
    [InlineData("test.yml:4:22: app.metrics.prefix: 'apps/shop' is not a Graphite prefix (use parts of letters, digits, '_' and '-' joined by dots, such as apps.my-application)",
        "  metrics: { prefix: apps/shop }")]
    [InlineData("test.yml:4:22: app.metrics.prefix: '.apps' is not a Graphite prefix (use parts of letters, digits, '_' and '-' joined by dots, such as apps.my-application)",
        "  metrics: { prefix: .apps }")]
    [InlineData("test.yml:5:21: app.metrics.ignore[1]: '(memstats' is not a regular expression: Invalid pattern '(memstats' at offset 9. Not enough )'s.",
        "  metrics:", "    ignore: [ \"^a\", \"(memstats\" ]")]
    [InlineData("test.yml:4:32: app.metrics.rename[0].from: '[a-' is not a regular expression: Invalid pattern '[a-' at offset 3. Unterminated [] set.",
        "  metrics: { rename: [ { from: \"[a-\", to: b } ] }")]
    [InlineData("test.yml:4:24: app.metrics.rename[0]: a rename needs from: REGEX and to: TEXT",
        "  metrics: { rename: [ { from: a } ] }")]
    [InlineData("test.yml:4:42: app.metrics.rename[0].too: unknown key 'too' (did you mean 'to'?)",
        "  metrics: { rename: [ { from: a, to: b, too: c } ] }")]
    [InlineData("test.yml:4:22: app.metrics.rename: expected a list of renames (mappings with from and to), found a mapping",
        "  metrics: { rename: { from: a, to: b } }")]
    [InlineData("test.yml:5:5: app.metrics.expvr: unknown key 'expvr' (did you mean 'expvar'?)",
        "  metrics:", "    expvr: /debug/vars")]
    [InlineData("test.yml:4:12: app.metrics: expected a mapping of metrics settings (expvar, prometheus, interval, ...), found '/metrics'",
        "  metrics: /metrics")]
    public void A_mistake_in_metrics_is_one_precise_error(string expected, params string[] lines)
    {
        Assert.Equal(expected, TestConfig.SingleError(Yaml(lines)));
    }
}
