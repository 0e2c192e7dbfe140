using Sky.Metrics.Polling;
using Sky.Metrics.Polling.Prometheus;

namespace Sky.Metrics.Tests.Polling.Prometheus;

public sealed class PrometheusFlattenerTests
{
    [Fact]
    public void Every_finite_sample_becomes_a_value_under_its_dotted_name()
    {
        var values = Flatten(MetricNameRules.None, out _);

        Assert.Equal(new PolledValue("go_gc_duration_seconds.quantile.0_25", 3.1e-05), values[1]);
        Assert.Contains(new PolledValue("http_request_duration_seconds_bucket.handler._api.le._Inf", 144), values);
        Assert.Contains(new PolledValue("http_request_duration_seconds_count.handler._api", 144), values);
        Assert.Contains(new PolledValue("http_requests_total.code.500.method.post", 3), values);
        Assert.Contains(new PolledValue("go_info.version.go1_22_4", 1), values);
        Assert.Contains(new PolledValue("process_start_time_seconds", 1.71234567891e+09), values);
    }

    [Fact]
    public void NaN_quantiles_of_a_summary_without_observations_are_left_out()
    {
        var names = Flatten(MetricNameRules.None, out _).Select(value => value.Name).ToList();

        Assert.DoesNotContain("rpc_latency_seconds.quantile.0_5", names);
        Assert.Contains("rpc_latency_seconds_count", names);
        Assert.Equal(20, names.Count);
    }

    [Fact]
    public void Each_value_keeps_the_type_of_its_family()
    {
        Flatten(MetricNameRules.None, out var types);

        Assert.Equal(PrometheusMetricType.Histogram, types["http_request_duration_seconds_sum.handler._api"]);
        Assert.Equal(PrometheusMetricType.Summary, types["go_gc_duration_seconds_count"]);
        Assert.Equal(PrometheusMetricType.Counter, types["http_requests_total.code.200.method.get"]);
        Assert.Equal(PrometheusMetricType.Gauge, types["go_goroutines"]);
    }

    [Fact]
    public void Ignore_and_rename_rules_apply_to_the_dotted_names()
    {
        var rules = MetricNameRules.Create(["^go_", "_bucket\\."], [new MetricRename("^http_", "web.")]);

        var values = Flatten(rules, out var types);

        Assert.DoesNotContain(values, value => value.Name.StartsWith("go_", StringComparison.Ordinal) || value.Name.Contains("_bucket", StringComparison.Ordinal));
        Assert.Contains(new PolledValue("web.requests_total.code.200.method.get", 1027), values);
        Assert.Equal(PrometheusMetricType.Counter, types["web.requests_total.code.200.method.get"]);
    }

    private static IReadOnlyList<PolledValue> Flatten(MetricNameRules rules, out IReadOnlyDictionary<string, PrometheusMetricType> types)
    {
        Assert.True(PrometheusTextParser.TryParse(GoClientExposition.Text, out var exposition, out var error), error?.ToString());
        return PrometheusFlattener.Flatten(exposition, rules, out types);
    }
}
