namespace Sky.Metrics.Tests.Polling.Prometheus;

/// <summary>
/// What a Go program instrumented with client_golang serves on /metrics, shortened: a summary (the GC pauses), gauges,
/// a labelled histogram, a labelled counter, and a summary that has seen nothing yet (NaN quantiles).
/// </summary>
internal static class GoClientExposition
{
    public const string Text = """
        # HELP go_gc_duration_seconds A summary of the pause duration of garbage collection cycles.
        # TYPE go_gc_duration_seconds summary
        go_gc_duration_seconds{quantile="0"} 2.4e-05
        go_gc_duration_seconds{quantile="0.25"} 3.1e-05
        go_gc_duration_seconds{quantile="0.5"} 4.2e-05
        go_gc_duration_seconds{quantile="0.75"} 6.5e-05
        go_gc_duration_seconds{quantile="1"} 0.000412
        go_gc_duration_seconds_sum 0.013
        go_gc_duration_seconds_count 212
        # HELP go_goroutines Number of goroutines that currently exist.
        # TYPE go_goroutines gauge
        go_goroutines 42
        # HELP go_info Information about the Go environment.
        # TYPE go_info gauge
        go_info{version="go1.22.4"} 1
        # HELP http_request_duration_seconds Latency of HTTP requests.
        # TYPE http_request_duration_seconds histogram
        http_request_duration_seconds_bucket{handler="/api",le="0.005"} 24
        http_request_duration_seconds_bucket{handler="/api",le="0.1"} 98
        http_request_duration_seconds_bucket{handler="/api",le="0.5"} 129
        http_request_duration_seconds_bucket{handler="/api",le="+Inf"} 144
        http_request_duration_seconds_sum{handler="/api"} 53.4
        http_request_duration_seconds_count{handler="/api"} 144
        # HELP http_requests_total Requests served, by method and code.
        # TYPE http_requests_total counter
        http_requests_total{code="200",method="get"} 1027
        http_requests_total{code="500",method="post"} 3
        # HELP process_start_time_seconds Start time of the process since unix epoch in seconds.
        # TYPE process_start_time_seconds gauge
        process_start_time_seconds 1.71234567891e+09
        # HELP rpc_latency_seconds RPC latency, no calls yet.
        # TYPE rpc_latency_seconds summary
        rpc_latency_seconds{quantile="0.5"} NaN
        rpc_latency_seconds{quantile="0.99"} NaN
        rpc_latency_seconds_sum 0
        rpc_latency_seconds_count 0

        """;
}
