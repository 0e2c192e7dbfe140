using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Sky.Feed;
using Sky.Feed.Changes;
using Sky.Metrics.Sampling;
using Sky.Model;
using Sky.Model.Metrics;
using Sky.Runtime;
using Sky.Runtime.Resources;
using Sky.Testing.Engine;

namespace Sky.Metrics.Tests.Sampling;

public sealed class ResourceSamplerTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private readonly FakeContainerRuntime runtime = new();
    private readonly List<MetricPoint> written = [];

    [Fact]
    public async Task Two_readings_ten_seconds_apart_give_CPU_network_and_disk_rates_with_the_container_s_labels()
    {
        var feed = new StateFeed(clock);
        var web = runtime.Add(new ContainerCreateRequest { Name = "web", Image = "base:0.7" }, ContainerState.Running);
        feed.Publish(new ContainerChanged(new ContainerFacts { Name = "web", Id = web.Id, Service = "web", Instance = "default", Phase = ContainerPhase.Running }));
        using var sampler = new ResourceSampler(runtime, feed, new Sink(written), new MetricsSettings(), clock, NullLogger<ResourceSampler>.Instance);

        web.Usage = new ResourceUsage { Time = clock.GetUtcNow(), CpuNanoseconds = 1_000_000_000, MemoryBytes = 50_000_000, MemoryLimitBytes = 100_000_000, NetworkReceivedBytes = 1000 };
        await sampler.SampleAsync(CancellationToken.None);
        Assert.DoesNotContain(written, p => p.Name == MetricNames.CpuPercent); // one reading: no rate yet
        Assert.Equal(50, written.Single(p => p.Name == MetricNames.MemoryPercent).Value);

        clock.Advance(TimeSpan.FromSeconds(10));
        web.Usage = web.Usage with { CpuNanoseconds = 6_000_000_000, NetworkReceivedBytes = 21_000, BlockWrittenBytes = 4096 };
        written.Clear();
        await sampler.SampleAsync(CancellationToken.None);

        Assert.Equal(50, written.Single(p => p.Name == MetricNames.CpuPercent).Value, 6); // 5 s of CPU in 10 s
        Assert.Equal(2000, written.Single(p => p.Name == MetricNames.NetworkReceived).Value, 6);
        Assert.Equal(409.6, written.Single(p => p.Name == MetricNames.BlockWritten).Value, 6);
        Assert.All(written.Where(p => p.Labels.Service is not null), p => Assert.Equal(new MetricLabels("web", "default", "web"), p.Labels));
        Assert.Equal(1, written.Single(p => p.Name == ResourceSampler.SampledContainers).Value);
        Assert.Contains(written, p => p.Name == ResourceSampler.SampleCpuSeconds && p.Value >= 0);
    }

    [Fact]
    public async Task Each_sample_tells_the_daemon_s_own_memory_and_collections()
    {
        using var sampler = new ResourceSampler(runtime, new StateFeed(clock), new Sink(written), new MetricsSettings(), clock, NullLogger<ResourceSampler>.Instance);
        await sampler.SampleAsync(CancellationToken.None);
        var allocatedBefore = written.Single(p => p.Name == DaemonFigures.AllocatedBytes).Value;

        // Something held, something collected: the figures move with what the process does.
        GC.KeepAlive(Enumerable.Range(0, 1000).Select(i => new byte[1024]).ToList());
        GC.Collect();
        written.Clear();
        await sampler.SampleAsync(CancellationToken.None);

        Assert.True(written.Single(p => p.Name == DaemonFigures.ResidentBytes).Value > written.Single(p => p.Name == DaemonFigures.HeapBytes).Value);
        Assert.True(written.Single(p => p.Name == DaemonFigures.CommittedBytes).Value >= written.Single(p => p.Name == DaemonFigures.HeapBytes).Value);
        Assert.True(written.Single(p => p.Name == DaemonFigures.AllocatedBytes).Value >= allocatedBefore + 1_000_000);
        Assert.True(written.Single(p => p.Name == DaemonFigures.Collections).Value >= 1);
        Assert.All(written.Where(p => p.Name.StartsWith("sky.daemon.", StringComparison.Ordinal)), p => Assert.Equal(MetricLabels.None, p.Labels));
    }

    private sealed class Sink(List<MetricPoint> points) : IMetricSink
    {
        public void Write(IReadOnlyList<MetricPoint> batch) => points.AddRange(batch);
    }
}
