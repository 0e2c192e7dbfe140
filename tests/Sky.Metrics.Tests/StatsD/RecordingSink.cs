using System.Threading.Channels;

namespace Sky.Metrics.Tests.StatsD;

/// <summary>A sink that keeps each write (a StatsD flush) for the test to await, in order.</summary>
internal sealed class RecordingSink : IMetricSink
{
    private readonly Channel<IReadOnlyList<MetricPoint>> writes = Channel.CreateUnbounded<IReadOnlyList<MetricPoint>>();

    public void Write(IReadOnlyList<MetricPoint> points) => writes.Writer.TryWrite(points);

    /// <summary>The next flush, within 15 seconds.</summary>
    public async Task<Flushed> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        return new Flushed(await writes.Reader.ReadAsync(timeout.Token));
    }
}
