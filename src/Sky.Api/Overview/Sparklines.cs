using Sky.Metrics.History;
using Sky.Model.Metrics;

namespace Sky.Api.Overview;

/// <summary>
/// Every container's recent CPU and memory for the overview's sparklines, read in one pass over the metric history
/// (the newest hours are in memory), keyed by container and metric name.
/// </summary>
public sealed class Sparklines(MetricHistory history, TimeProvider clock)
{
    /// <summary>How far back they reach: long enough to show a trend, short enough to stay in memory.</summary>
    public static readonly TimeSpan Range = TimeSpan.FromMinutes(10);

    public async Task<IReadOnlyDictionary<(string Container, string Name), IReadOnlyList<double>>> ReadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var query = new HistoryQuery
        {
            Names = new HashSet<string>(StringComparer.Ordinal) { MetricNames.CpuPercent, MetricNames.MemoryUsage },
            From = now - Range,
            To = now,
        };
        var byContainer = new Dictionary<(string, string), IReadOnlyList<double>>();
        foreach (var series in await history.ReadAsync(query, now, cancellationToken))
        {
            if (series.Series.Labels.Container is { } container)
            {
                byContainer[(container, series.Series.Name)] = series.Points.Select(p => Math.Round(p.Value, 2)).ToList();
            }
        }

        return byContainer;
    }
}
