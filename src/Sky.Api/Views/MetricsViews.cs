using Sky.Contracts;
using Sky.Router.Metrics;

namespace Sky.Api.Views;

/// <summary>The router's request metrics in their wire shapes: latencies in milliseconds, windows in seconds.</summary>
public static class MetricsViews
{
    public static RequestStatsView From(MetricsSummary summary) => new(
        summary.RequestsPerSecond,
        summary.Responses.Total,
        From(summary.Responses),
        summary.ErrorRatio,
        From(summary.Latency),
        summary.BytesIn,
        summary.BytesOut,
        summary.InFlight,
        summary.InFlightPeak,
        summary.Ejections,
        summary.MirrorCopies,
        summary.MirrorFailures,
        summary.MirrorDrops);

    public static StatsSampleView From(SecondSample sample) => new(
        sample.At,
        sample.Responses.Total,
        From(sample.Responses),
        From(sample.Latency),
        sample.BytesIn,
        sample.BytesOut,
        sample.InFlightPeak,
        sample.Ejections,
        sample.MirrorCopies,
        sample.MirrorFailures,
        sample.MirrorDrops);

    public static StatusCountsView From(StatusCounts counts) => new(
        counts.NoResponse, counts.Informational, counts.Successful, counts.Redirection, counts.ClientError, counts.ServerError);

    public static LatencyView From(LatencyPercentiles latency) => new(
        latency.P50.TotalMilliseconds, latency.P90.TotalMilliseconds, latency.P99.TotalMilliseconds, latency.Max.TotalMilliseconds);
}
