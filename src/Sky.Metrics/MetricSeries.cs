namespace Sky.Metrics;

/// <summary>One series: a name and whose it is. Points of one series are one line on a chart.</summary>
public sealed record MetricSeries(string Name, MetricLabels Labels)
{
    public static MetricSeries Of(in MetricPoint point) => new(point.Name, point.Labels);
}
