using Microsoft.Extensions.Time.Testing;
using Sky.Metrics.Polling;
using Sky.Metrics.Polling.Prometheus;
using Sky.Testing.Peers;

namespace Sky.Metrics.Tests.Polling;

public sealed class MetricPollerTests : IClassFixture<MetricEndpoint>, IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly MetricLabels Web1 = new("shop", "production", "shop-production-web-1");

    private readonly MetricEndpoint endpoint;
    private readonly MetricPoller poller;

    public MetricPollerTests(MetricEndpoint endpoint)
    {
        this.endpoint = endpoint;
        poller = new MetricPoller(new FakeTimeProvider(Now));
    }

    public void Dispose() => poller.Dispose();

    [Fact]
    public async Task Nested_expvar_values_arrive_with_the_failure_metric_at_0()
    {
        var result = await PollAsync("/debug/vars", PollKind.Expvar);

        Assert.False(result.Failed);
        Assert.Null(result.Failure);
        Assert.Equal(
            [
                new MetricPoint("memstats.Alloc", Web1, 1048576, Now),
                new MetricPoint("memstats.EnableGC", Web1, 1, Now),
                new MetricPoint("requests.ok", Web1, 1027, Now),
                new MetricPoint("requests.failed.timeout", Web1, 2, Now),
                new MetricPoint("requests.failed.refused", Web1, 1, Now),
                new MetricPoint("expvar.failed", Web1, 0, Now),
            ],
            result.Points);
    }

    [Fact]
    public async Task A_Prometheus_endpoint_is_asked_for_text_and_its_samples_arrive_with_their_types()
    {
        var result = await PollAsync("/metrics", PollKind.Prometheus);

        Assert.Null(result.Failure);
        Assert.Contains(new MetricPoint("http_requests_total.code.200.method.get", Web1, 1027, Now), result.Points);
        Assert.Contains(new MetricPoint("http_request_duration_seconds_bucket.handler._api.le.0_5", Web1, 129, Now), result.Points);
        Assert.Equal(new MetricPoint("prometheus.failed", Web1, 0, Now), result.Points[^1]);
        Assert.Equal(21, result.Points.Count);
        Assert.Equal(PrometheusMetricType.Counter, result.PrometheusTypes["http_requests_total.code.200.method.get"]);
    }

    [Fact]
    public async Task A_gzipped_answer_is_read_whole()
    {
        var result = await PollAsync("/metrics-gzip", PollKind.Prometheus);

        Assert.Null(result.Failure);
        Assert.Equal(21, result.Points.Count);
    }

    [Fact]
    public async Task Ignore_and_rename_rules_apply_but_never_to_the_failure_metric()
    {
        var rules = MetricNameRules.Create(["^requests\\.failed", "failed$"], [new MetricRename("^memstats\\.", "mem.")]);

        var result = await PollAsync("/debug/vars", PollKind.Expvar, rules: rules);

        Assert.Equal(["mem.Alloc", "mem.EnableGC", "requests.ok", "expvar.failed"], result.Points.Select(point => point.Name));
    }

    [Fact]
    public async Task An_error_status_is_a_failure_with_the_status_as_reason()
    {
        var result = await PollAsync("/error", PollKind.Expvar);

        AssertFailed(result, "expvar.failed", "HTTP 500");
    }

    [Fact]
    public async Task A_missing_path_is_a_failure_rather_than_an_empty_success()
    {
        var result = await PollAsync("/no-such-path", PollKind.Prometheus);

        AssertFailed(result, "prometheus.failed", "HTTP 404");
    }

    [Fact]
    public async Task A_redirect_is_not_followed_and_says_where_it_points()
    {
        var result = await PollAsync("/moved", PollKind.Expvar);

        AssertFailed(result, "expvar.failed", "HTTP 301 to /debug/vars/");
    }

    [Fact]
    public async Task An_endpoint_that_never_answers_times_out()
    {
        using var realTime = new MetricPoller(TimeProvider.System);
        var target = new PollTarget(endpoint.UrlOf("/never"), PollKind.Expvar, Web1, TimeSpan.FromMilliseconds(300), MetricNameRules.None);

        var result = await realTime.PollAsync(target, CancellationToken.None);

        Assert.Equal("timed out after 300ms", result.Failure);
        Assert.Equal(1, Assert.Single(result.Points).Value);
    }

    [Fact]
    public async Task An_answer_that_stops_halfway_times_out_too()
    {
        using var realTime = new MetricPoller(TimeProvider.System);
        var target = new PollTarget(endpoint.UrlOf("/stops-halfway"), PollKind.Expvar, Web1, TimeSpan.FromMilliseconds(300), MetricNameRules.None);

        var result = await realTime.PollAsync(target, CancellationToken.None);

        Assert.Equal("timed out after 300ms", result.Failure);
    }

    [Fact]
    public async Task Bad_JSON_is_a_failure_that_says_where()
    {
        var result = await PollAsync("/bad-json", PollKind.Expvar);

        AssertFailed(result, "expvar.failed", "bad JSON at byte 6: 'x' is an invalid start of a value");
    }

    [Fact]
    public async Task Bad_exposition_text_is_a_failure_that_says_the_line()
    {
        var result = await PollAsync("/bad-metrics", PollKind.Prometheus);

        AssertFailed(result, "prometheus.failed", "bad exposition text at line 2: expected a label name or '}', found '1'");
    }

    [Fact]
    public async Task A_port_nobody_listens_on_is_refused()
    {
        var target = new PollTarget(new Uri($"http://127.0.0.1:{FreePort.Next()}/debug/vars"), PollKind.Expvar, Web1, TimeSpan.FromSeconds(5), MetricNameRules.None);

        var result = await poller.PollAsync(target, CancellationToken.None);

        AssertFailed(result, "expvar.failed", "refused");
    }

    [Theory]
    [InlineData("/huge")]
    [InlineData("/huge-chunked")]
    public async Task A_body_over_4_MB_is_a_failure_whether_or_not_its_length_is_said(string path)
    {
        var result = await PollAsync(path, PollKind.Expvar);

        AssertFailed(result, "expvar.failed", "the answer is over 4 MB");
    }

    [Fact]
    public async Task The_callers_own_cancellation_is_no_failure_but_an_exception()
    {
        var target = new PollTarget(endpoint.UrlOf("/debug/vars"), PollKind.Expvar, Web1, TimeSpan.FromSeconds(5), MetricNameRules.None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => poller.PollAsync(target, new CancellationToken(canceled: true)));
    }

    private Task<PollResult> PollAsync(string path, PollKind kind, MetricNameRules? rules = null) =>
        poller.PollAsync(new PollTarget(endpoint.UrlOf(path), kind, Web1, TimeSpan.FromSeconds(10), rules ?? MetricNameRules.None), CancellationToken.None);

    private static void AssertFailed(PollResult result, string failureMetric, string reason)
    {
        Assert.True(result.Failed);
        Assert.Equal(reason, result.Failure);
        Assert.Equal(new MetricPoint(failureMetric, Web1, 1, Now), Assert.Single(result.Points));
        Assert.Empty(result.PrometheusTypes);
    }
}
