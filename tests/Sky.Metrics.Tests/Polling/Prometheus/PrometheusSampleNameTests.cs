using Sky.Metrics.Polling.Prometheus;

namespace Sky.Metrics.Tests.Polling.Prometheus;

public sealed class PrometheusSampleNameTests
{
    [Fact]
    public void A_sample_without_labels_keeps_its_name()
    {
        Assert.Equal("go_goroutines", Name("go_goroutines"));
    }

    [Fact]
    public void Labels_follow_the_name_in_label_name_order()
    {
        Assert.Equal("http_requests_total.code.200.method.get", Name("http_requests_total", ("method", "get"), ("code", "200")));
    }

    [Theory]
    [InlineData("0.5", "0_5")]
    [InlineData("+Inf", "_Inf")]
    [InlineData("/api/users", "_api_users")]
    [InlineData("go1.22.4", "go1_22_4")]
    [InlineData("a b\"c\\d", "a_b_c_d")]
    [InlineData("ünï", "_n_")]
    [InlineData("😀", "_")]
    [InlineData("Keep_this-1", "Keep_this-1")]
    public void Label_values_keep_letters_digits_underscores_and_dashes_only(string value, string cleaned)
    {
        Assert.Equal($"x.v.{cleaned}", Name("x", ("v", value)));
    }

    [Fact]
    public void A_histogram_bucket_reads_with_its_le()
    {
        Assert.Equal(
            "http_request_duration_seconds_bucket.handler._api.le.0_005",
            Name("http_request_duration_seconds_bucket", ("handler", "/api"), ("le", "0.005")));
        Assert.Equal("latency_bucket.le._Inf", Name("latency_bucket", ("le", "+Inf")));
    }

    [Fact]
    public void A_label_with_an_empty_value_is_left_out_as_Prometheus_holds_it_absent()
    {
        Assert.Equal("x.b.2", Name("x", ("a", ""), ("b", "2")));
    }

    [Fact]
    public void Label_names_sort_ordinally_so_capitals_come_first()
    {
        Assert.Equal("x.B.1.a.2", Name("x", ("a", "2"), ("B", "1")));
    }

    private static string Name(string name, params (string Name, string Value)[] labels) =>
        PrometheusSampleName.Of(new PrometheusSample(name, [.. labels.Select(label => new PrometheusLabel(label.Name, label.Value))], 1));
}
