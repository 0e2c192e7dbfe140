using Sky.Model.Metrics;

namespace Sky.Configuration.Tests.Reading;

public class AlertReaderTests
{
    private static string Yaml(params string[] lines) => string.Join('\n', ["app:", "  image: app", .. lines]) + "\n";

    private static IReadOnlyList<MetricRule> Alerts(params string[] lines) =>
        TestConfig.Valid(Yaml(lines)).FindService("app")!.Instances.Single().Alerts;

    [Fact]
    public void An_instance_without_alerts_has_no_rules()
    {
        Assert.Empty(Alerts());
    }

    [Fact]
    public void A_threshold_rule_is_read_with_how_long_it_must_hold()
    {
        var rule = Assert.Single(Alerts("  alerts:", "    - metric: requests.5xx.rate", "      above: 5", "      for: 1m"));

        Assert.Equal(
            new MetricRule { Metric = "requests.5xx.rate", Above = 5, For = TimeSpan.FromMinutes(1), Text = "requests.5xx.rate above 5 for 1m" },
            rule);
    }

    [Fact]
    public void A_threshold_rule_without_for_fires_at_the_first_value_beyond_it()
    {
        var rule = Assert.Single(Alerts("  alerts: [ { metric: memory.percent, below: 10.5 } ]"));

        Assert.Equal(new MetricRule { Metric = "memory.percent", Below = 10.5, Text = "memory.percent below 10.5" }, rule);
    }

    [Fact]
    public void A_relative_change_is_a_fraction_of_the_value_it_is_compared_with()
    {
        var rule = Assert.Single(Alerts("  alerts: [ { metric: stats_counts.logins, change: -50%, over: 10m } ]"));

        Assert.Equal(
            new MetricRule
            {
                Metric = "stats_counts.logins", Change = -0.5, ChangeIsRelative = true, Over = TimeSpan.FromMinutes(10),
                Text = "stats_counts.logins change -50% over 10m",
            },
            rule);
    }

    [Fact]
    public void A_change_in_the_metric_s_units_is_over_five_minutes_unless_told()
    {
        var rule = Assert.Single(Alerts("  alerts: [ { metric: requests.rate, change: +100 } ]"));

        Assert.Equal(
            new MetricRule { Metric = "requests.rate", Change = 100, Over = TimeSpan.FromMinutes(5), Text = "requests.rate change +100 over 5m" },
            rule);
    }

    [Fact]
    public void Rules_keep_their_order_and_negative_thresholds_are_numbers_too()
    {
        var rules = Alerts("  alerts:", "    - { metric: cpu.percent, above: 90 }", "    - { metric: stats.gauges.temperature, below: -3.5 }");

        Assert.Equal(["cpu.percent above 90", "stats.gauges.temperature below -3.5"], rules.Select(r => r.Text));
    }

    [Fact]
    public void An_instance_s_alerts_replace_its_service_s_whole()
    {
        var state = TestConfig.Valid(Yaml(
            "  alerts: [ { metric: cpu.percent, above: 90 }, { metric: memory.percent, above: 90 } ]",
            "  instances:", "    prod: {}", "    dev: { alerts: [ { metric: cpu.percent, above: 99 } ] }", "    qa: { alerts: [] }"));

        var instances = state.FindService("app")!.Instances.ToDictionary(i => i.Name, i => i.Alerts.Select(r => r.Text).ToList());

        Assert.Equal(["cpu.percent above 90", "memory.percent above 90"], instances["prod"]);
        Assert.Equal(["cpu.percent above 99"], instances["dev"]);
        Assert.Empty(instances["qa"]);
    }

    [Fact]
    public void Changing_alerts_replaces_no_container()
    {
        var before = TestConfig.Valid(Yaml("  ports: [80]", "  instances:", "    prod: {}"));
        var after = TestConfig.Valid(Yaml(
            "  ports: [80]", "  alerts: [ { metric: cpu.percent, above: 90 } ]", "  instances:", "    prod: { alerts: [ { metric: memory.percent, below: 5 } ] }"));

        Assert.NotEqual(
            before.FindService("app")!.Instances.Single().Alerts.Count,
            after.FindService("app")!.Instances.Single().Alerts.Count);
        Assert.Equal(TestConfig.Container(before, "app-prod").ConfigHash, TestConfig.Container(after, "app-prod").ConfigHash);
        Assert.Equal(TestConfig.Container(before, "app-prod").Labels, TestConfig.Container(after, "app-prod").Labels);
    }

    [Theory]
    [InlineData("test.yml:4:7: app.alerts[0]: an alert rule needs metric: NAME",
        "  alerts:", "    - above: 5")]
    [InlineData("test.yml:4:7: app.alerts[0]: an alert rule needs one of above: N, below: N or change: N%",
        "  alerts:", "    - metric: cpu.percent")]
    [InlineData("test.yml:5:7: app.alerts[1]: an alert rule can have only one of above, below or change (it has above and below)",
        "  alerts:", "    - { metric: cpu.percent, above: 90 }", "    - { metric: cpu.percent, above: 90, below: 10 }")]
    [InlineData("test.yml:3:13: app.alerts[0]: an alert rule can have only one of above, below or change (it has below and change)",
        "  alerts: [ { metric: cpu.percent, below: 10, change: -50% } ]")]
    [InlineData("test.yml:3:13: app.alerts[0]: 'for' goes with above or below; a change is measured over: DURATION",
        "  alerts: [ { metric: cpu.percent, change: -50%, for: 1m } ]")]
    [InlineData("test.yml:3:13: app.alerts[0]: 'over' goes with change; a threshold is held for: DURATION",
        "  alerts: [ { metric: cpu.percent, above: 90, over: 1m } ]")]
    [InlineData("test.yml:3:43: app.alerts[0].above: 'lots' is not a threshold (use a number such as 5, 0.5 or -3)",
        "  alerts: [ { metric: cpu.percent, above: lots } ]")]
    [InlineData("test.yml:3:44: app.alerts[0].change: '50%' is not a change (use a signed amount: -50% when it fell by half, +50% when it rose by half, or -100 in the metric's units; a fall is at most -100%)",
        "  alerts: [ { metric: cpu.percent, change: 50% } ]")]
    [InlineData("test.yml:3:44: app.alerts[0].change: '-150%' is not a change (use a signed amount: -50% when it fell by half, +50% when it rose by half, or -100 in the metric's units; a fall is at most -100%)",
        "  alerts: [ { metric: cpu.percent, change: -150% } ]")]
    [InlineData("test.yml:3:51: app.alerts[0].for: 'a while' is not a duration (use 5s, 2m, 1h)",
        "  alerts: [ { metric: cpu.percent, above: 1, for: a while } ]")]
    [InlineData("test.yml:3:46: app.alerts[0].abvoe: unknown key 'abvoe' (did you mean 'above'?)",
        "  alerts: [ { metric: cpu.percent, below: 1, abvoe: 5 } ]")]
    [InlineData("test.yml:3:11: app.alerts: expected a list of alert rules, found a mapping",
        "  alerts: { metric: cpu.percent, above: 90 }")]
    [InlineData("test.yml:3:13: app.alerts[0]: expected an alert rule (a mapping with metric and above, below or change), found 'cpu.percent'",
        "  alerts: [ cpu.percent ]")]
    [InlineData("test.yml:4:3: app.alerts: 'alerts' is not allowed in a recurrent job (entries with every:)",
        "  every: 1 day at 17:00", "  alerts: [ { metric: cpu.percent, above: 90 } ]")]
    public void A_mistake_in_an_alert_rule_is_one_precise_error(string expected, params string[] lines)
    {
        Assert.Equal(expected, TestConfig.SingleError(Yaml(lines)));
    }
}
