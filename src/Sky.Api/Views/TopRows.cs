using Sky.Contracts;
using Sky.Feed;
using Sky.Metrics;
using Sky.Metrics.Sampling;
using Sky.Model.Metrics;

namespace Sky.Api.Views;

/// <summary>The rows of <c>sky top</c>: each running container of the feed's snapshot with its newest values, busiest CPU first.</summary>
public static class TopRows
{
    public static IReadOnlyList<TopRowView> Of(FeedSnapshot snapshot, LatestValues latest) =>
        snapshot.Containers.Values
            .Where(c => c.Phase == ContainerPhase.Running)
            .Select(container =>
            {
                var labels = ContainerLabels.Of(container);
                double? Value(string name) => latest.Get(new MetricSeries(name, labels))?.Value;
                return new TopRowView
                {
                    Container = container.Name,
                    Service = labels.Service,
                    Instance = labels.Instance,
                    Health = snapshot.HealthOf(container.Name)?.Health,
                    CpuPercent = Value(MetricNames.CpuPercent),
                    MemoryBytes = Value(MetricNames.MemoryUsage),
                    MemoryLimitBytes = Value(MetricNames.MemoryLimit),
                    NetworkReceivedPerSecond = Value(MetricNames.NetworkReceived),
                    NetworkSentPerSecond = Value(MetricNames.NetworkSent),
                    RequestsPerSecond = Value(MetricNames.Requests),
                    LatencyP99Ms = Value(MetricNames.LatencyP99),
                    ErrorsPercent = Value(MetricNames.RequestErrors),
                };
            })
            .OrderByDescending(r => r.CpuPercent ?? -1)
            .ThenBy(r => r.Container, StringComparer.Ordinal)
            .ToList();
}
