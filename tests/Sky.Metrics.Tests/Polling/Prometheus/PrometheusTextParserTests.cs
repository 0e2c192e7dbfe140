using Sky.Metrics.Polling.Prometheus;

namespace Sky.Metrics.Tests.Polling.Prometheus;

public sealed class PrometheusTextParserTests
{
    [Fact]
    public void A_Go_clients_metrics_read_as_families_with_their_types_in_the_order_written()
    {
        var exposition = Parse(GoClientExposition.Text);

        Assert.Equal(
            [
                ("go_gc_duration_seconds", PrometheusMetricType.Summary, 7),
                ("go_goroutines", PrometheusMetricType.Gauge, 1),
                ("go_info", PrometheusMetricType.Gauge, 1),
                ("http_request_duration_seconds", PrometheusMetricType.Histogram, 6),
                ("http_requests_total", PrometheusMetricType.Counter, 2),
                ("process_start_time_seconds", PrometheusMetricType.Gauge, 1),
                ("rpc_latency_seconds", PrometheusMetricType.Summary, 4),
            ],
            exposition.Families.Select(family => (family.Name, family.Type, family.Samples.Count)));
        Assert.Equal("Number of goroutines that currently exist.", exposition.Families[1].Help);
    }

    [Fact]
    public void A_histogram_keeps_its_buckets_sum_and_count_together()
    {
        var histogram = Parse(GoClientExposition.Text).Families.Single(family => family.Type == PrometheusMetricType.Histogram);

        Assert.Equal(
            [
                new("http_request_duration_seconds_bucket", [new("handler", "/api"), new("le", "0.005")], 24),
                new("http_request_duration_seconds_bucket", [new("handler", "/api"), new("le", "0.1")], 98),
                new("http_request_duration_seconds_bucket", [new("handler", "/api"), new("le", "0.5")], 129),
                new("http_request_duration_seconds_bucket", [new("handler", "/api"), new("le", "+Inf")], 144),
                new("http_request_duration_seconds_sum", [new("handler", "/api")], 53.4),
                new("http_request_duration_seconds_count", [new("handler", "/api")], 144),
            ],
            histogram.Samples.Select(Comparable));
    }

    [Fact]
    public void A_summary_keeps_its_quantiles_sum_and_count_together()
    {
        var summary = Parse(GoClientExposition.Text).Families[0];

        Assert.Equal(
            ["0", "0.25", "0.5", "0.75", "1"],
            summary.Samples.Take(5).Select(sample => Assert.Single(sample.Labels).Value));
        Assert.Equal(("go_gc_duration_seconds_sum", 0.013), (summary.Samples[5].Name, summary.Samples[5].Value));
        Assert.Equal(("go_gc_duration_seconds_count", 212d), (summary.Samples[6].Name, summary.Samples[6].Value));
    }

    [Fact]
    public void Samples_without_a_TYPE_line_are_untyped_families_of_their_own()
    {
        var exposition = Parse("""
            # TYPE declared untyped
            declared 1
            requests_count 5
            requests_sum 7
            """);

        Assert.Equal(
            [("declared", PrometheusMetricType.Untyped), ("requests_count", PrometheusMetricType.Untyped), ("requests_sum", PrometheusMetricType.Untyped)],
            exposition.Families.Select(family => (family.Name, family.Type)));
    }

    [Fact]
    public void A_counter_called_count_is_not_taken_for_part_of_a_gauge()
    {
        var exposition = Parse("""
            # TYPE jobs gauge
            jobs 3
            # TYPE jobs_count counter
            jobs_count 12
            """);

        Assert.Equal(["jobs", "jobs_count"], exposition.Families.Select(family => family.Name));
    }

    [Fact]
    public void Label_values_unescape_quotes_backslashes_and_newlines()
    {
        var sample = Parse("""msg{text="say \"hi\"\\n or \\ \nnext", path="C:\\temp"} 1""").Samples.Single();

        Assert.Equal([new("text", "say \"hi\"\\n or \\ \nnext"), new("path", "C:\\temp")], sample.Labels);
    }

    [Fact]
    public void Label_values_may_hold_braces_commas_and_any_text()
    {
        var sample = Parse("""x{a="}{,=#", b="ünïcode ✓"} 2""").Samples.Single();

        Assert.Equal([new("a", "}{,=#"), new("b", "ünïcode ✓")], sample.Labels);
    }

    [Fact]
    public void HELP_text_unescapes_backslashes_and_newlines()
    {
        var family = Parse("# HELP x First line\\nsecond, with a \\\\ in it.\nx 1").Families.Single();

        Assert.Equal("First line\nsecond, with a \\ in it.", family.Help);
    }

    [Fact]
    public void Timestamps_are_kept_in_milliseconds()
    {
        var samples = Parse("""
            with_time 1 1395066363000
            with_labels{a="b"} 2 -5
            without 3
            """).Samples.ToList();

        Assert.Equal([1395066363000, -5, null], samples.Select(sample => sample.Timestamp));
    }

    [Theory]
    [InlineData("NaN", double.NaN)]
    [InlineData("+Inf", double.PositiveInfinity)]
    [InlineData("-Inf", double.NegativeInfinity)]
    [InlineData("Inf", double.PositiveInfinity)]
    [InlineData("nan", double.NaN)]
    [InlineData("-0.5", -0.5)]
    [InlineData("1.5e-3", 0.0015)]
    [InlineData("7E+10", 7e10)]
    [InlineData("12", 12)]
    public void Values_read_in_every_notation_the_clients_write(string text, double expected)
    {
        Assert.Equal(expected, Parse($"x {text}").Samples.Single().Value);
    }

    [Fact]
    public void Blank_lines_comments_Windows_line_ends_and_loose_spacing_are_tolerated()
    {
        var exposition = Parse(
            "\r\n# just a comment\r\n  # TYPE spaced   gauge  \r\n\r\n\tspaced  { a = \"1\" , b=\"2\", }  4   17\r\n   \r\nplain 5");

        Assert.Equal(
            [new("spaced", [new("a", "1"), new("b", "2")], 4, 17), new("plain", [], 5)],
            exposition.Samples.Select(Comparable));
        Assert.Equal(PrometheusMetricType.Gauge, exposition.Families[0].Type);
    }

    [Fact]
    public void A_family_without_samples_is_kept_with_its_type()
    {
        var family = Parse("# HELP idle Nothing yet.\n# TYPE idle counter\n").Families.Single();

        Assert.Equal(("idle", PrometheusMetricType.Counter, 0), (family.Name, family.Type, family.Samples.Count));
    }

    [Fact]
    public void An_empty_answer_has_no_families()
    {
        Assert.Empty(Parse("").Families);
    }

    [Theory]
    [InlineData("x{a=\"b\" 1", 1, "expected ',' or '}' after the value of label 'a', found '1'")]
    [InlineData("ok 1\nx 1 2 3", 2, "unexpected '3' after the timestamp of 'x'")]
    [InlineData("ok 1\n\nx abc", 3, "the value 'abc' of 'x' is not a number")]
    [InlineData("x{a=\"b\"} ", 1, "'x' has no value")]
    [InlineData("x", 1, "'x' has no value")]
    [InlineData("x 1 12.5", 1, "the timestamp '12.5' of 'x' is not whole milliseconds")]
    [InlineData("1x 1", 1, "expected a metric name, found '1'")]
    [InlineData("x-y 1", 1, "expected '{' or a space after the name 'x', found '-'")]
    [InlineData("x{a=\"b\\q\"} 1", 1, "'\\q' in the value of label 'a' is no escape")]
    [InlineData("x{a=\"b} 1", 1, "the value of label 'a' has no closing '\"'")]
    [InlineData("x{a=\"1\",a=\"2\"} 1", 1, "label 'a' appears twice")]
    [InlineData("x{a:b=\"1\"} 1", 1, "expected '=' after the label name 'a', found ':'")]
    [InlineData("x{=\"1\"} 1", 1, "expected a label name or '}', found '='")]
    [InlineData("x{a=b} 1", 1, "expected '\"' to open the value of label 'a', found 'b'")]
    [InlineData("# TYPE x foo", 1, "unknown type 'foo' for 'x'")]
    [InlineData("# TYPE x", 1, "the TYPE line for 'x' has no type")]
    [InlineData("# TYPE x gauge extra", 1, "unexpected 'e' after the type of 'x'")]
    [InlineData("# TYPE 9x gauge", 1, "a TYPE line needs a metric name, found '9'")]
    [InlineData("# HELP x a\\tb", 1, "'\\t' in the HELP text is no escape")]
    [InlineData("# TYPE x gauge\n# TYPE x counter", 2, "a second TYPE line for 'x'")]
    [InlineData("# HELP x one\n# HELP x two", 2, "a second HELP line for 'x'")]
    [InlineData("x 1\n# TYPE x counter", 2, "the TYPE line for 'x' comes after its samples")]
    [InlineData("x_count 1\n# TYPE x summary", 2, "the TYPE line for 'x' comes after its samples")]
    [InlineData("# TYPE x histogram\nx_bucket 1", 2, "'x_bucket' is a bucket of histogram 'x' but has no le label")]
    [InlineData("# TYPE x histogram\nx_bucket{le=\"big\"} 1", 2, "le=\"big\" of 'x_bucket' is not a number")]
    [InlineData("# TYPE x histogram\nx 1", 2, "'x' is a histogram: its samples are x_bucket, x_sum and x_count")]
    [InlineData("# TYPE x summary\nx 1", 2, "'x' is a quantile of summary 'x' but has no quantile label")]
    [InlineData("a 1\r\nb{ 1\r\n", 2, "expected a label name or '}', found '1'")]
    public void A_malformed_line_is_an_error_with_its_line_number(string text, int line, string problem)
    {
        Assert.False(PrometheusTextParser.TryParse(text, out var exposition, out var error));
        Assert.Null(exposition);
        Assert.Equal(line, error.Line);
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"line {line}: ", error.ToString(), StringComparison.Ordinal);
    }

    private static PrometheusExposition Parse(string text)
    {
        Assert.True(PrometheusTextParser.TryParse(text, out var exposition, out var error), error?.ToString());
        return exposition;
    }

    // Samples hold their labels in a list, which records compare by reference.
    private static ComparableSample Comparable(PrometheusSample sample) =>
        new(sample.Name, [.. sample.Labels], sample.Value, sample.Timestamp);

    private sealed record ComparableSample(string Name, PrometheusLabel[] Labels, double Value, long? Timestamp = null)
    {
        public bool Equals(ComparableSample? other) =>
            other is not null && Name == other.Name && Labels.SequenceEqual(other.Labels) && Value.Equals(other.Value) && Timestamp == other.Timestamp;

        public override int GetHashCode() => HashCode.Combine(Name, Labels.Length, Value, Timestamp);
    }
}
