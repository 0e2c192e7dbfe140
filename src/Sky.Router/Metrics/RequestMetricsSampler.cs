using Microsoft.Extensions.Hosting;
using Sky.Metrics;
using Sky.Model.Metrics;

namespace Sky.Router.Metrics;

/// <summary>
/// Hands what the router measured to the metrics part every sample interval: per instance and per container, the
/// requests per second (all, and by status class), the share of errors, requests in flight and latency percentiles
/// (milliseconds) over the interval just ended. The router keeps its own second-by-second series for
/// <c>sky service stats</c>; this is what the history, the exporters and the alert rules see.
/// </summary>
public sealed class RequestMetricsSampler(RequestMetrics requests, IMetricSink sink, MetricsSettings settings, TimeProvider clock) : BackgroundService
{
    public void Sample()
    {
        var now = clock.GetUtcNow();
        var points = new List<MetricPoint>();
        foreach (var key in requests.Keys)
        {
            if (key.Instance is null)
            {
                continue; // the whole service is the sum of its instances: a chart adds them up
            }

            var summary = requests.Summary(key, settings.SampleInterval);
            var labels = new MetricLabels(key.Service, key.Instance, key.Container);
            var seconds = summary.Window.TotalSeconds;
            var responses = summary.Responses;
            points.Add(new MetricPoint(MetricNames.Requests, labels, summary.RequestsPerSecond, now));
            points.Add(new MetricPoint(MetricNames.Requests2xx, labels, responses.Successful / seconds, now));
            points.Add(new MetricPoint(MetricNames.Requests3xx, labels, responses.Redirection / seconds, now));
            points.Add(new MetricPoint(MetricNames.Requests4xx, labels, responses.ClientError / seconds, now));
            points.Add(new MetricPoint(MetricNames.Requests5xx, labels, responses.ServerError / seconds, now));
            points.Add(new MetricPoint(MetricNames.RequestErrors, labels, summary.ErrorRatio * 100, now));
            points.Add(new MetricPoint(MetricNames.InFlight, labels, summary.InFlight, now));
            if (responses.Total > 0)
            {
                points.Add(new MetricPoint(MetricNames.LatencyP50, labels, summary.Latency.P50.TotalMilliseconds, now));
                points.Add(new MetricPoint(MetricNames.LatencyP90, labels, summary.Latency.P90.TotalMilliseconds, now));
                points.Add(new MetricPoint(MetricNames.LatencyP99, labels, summary.Latency.P99.TotalMilliseconds, now));
            }
        }

        sink.Write(points);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.SampleInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Sample();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
