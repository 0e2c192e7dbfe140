using Microsoft.Extensions.Time.Testing;
using Sky.Api.Overview;
using Sky.Metrics;
using Sky.Metrics.History;
using Sky.Model.Metrics;

namespace Sky.Api.Tests.Overview;

public sealed class SparklinesTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly MetricLabels Web = new("web", "production", "web-production");

    private readonly string folder = Directory.CreateTempSubdirectory("sky-sparklines-").FullName;
    private readonly FakeTimeProvider clock = new(Noon);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Values_offered_live_are_read_one_per_history_step_and_nothing_else_is_kept()
    {
        var sparklines = new Sparklines(NewHistory(), clock);
        sparklines.Offer([
            Point(MetricNames.CpuPercent, 10, Noon.AddSeconds(-20)),
            Point(MetricNames.CpuPercent, 11.111, Noon.AddSeconds(-10)),
            Point(MetricNames.CpuPercent, 12, Noon.AddSeconds(-5)), // the same 10 s step: the newer value stands
            Point(MetricNames.MemoryUsage, 5e6, Noon.AddSeconds(-5)),
            Point("net.rx.bytes", 1, Noon.AddSeconds(-5)),
        ]);

        var read = await sparklines.ReadAsync(default);

        Assert.Equal([10d, 12d], read[("web-production", MetricNames.CpuPercent)]);
        Assert.Equal([5e6], read[("web-production", MetricNames.MemoryUsage)]);
        Assert.Equal(2, read.Count);
    }

    [Fact]
    public async Task After_a_restart_the_history_fills_in_what_was_measured_before_the_first_live_value()
    {
        var before = NewHistory();
        before.Record([Point(MetricNames.CpuPercent, 1, Noon.AddMinutes(-3)), Point(MetricNames.CpuPercent, 2, Noon.AddMinutes(-2))]);
        before.Flush();

        var sparklines = new Sparklines(NewHistory(), clock);
        sparklines.Offer([Point(MetricNames.CpuPercent, 3, Noon.AddMinutes(-1))]);
        var first = await sparklines.ReadAsync(default);
        sparklines.Offer([Point(MetricNames.CpuPercent, 4, Noon)]);
        var second = await sparklines.ReadAsync(default);

        Assert.Equal([1d, 2d, 3d], first[("web-production", MetricNames.CpuPercent)]);
        Assert.Equal([1d, 2d, 3d, 4d], second[("web-production", MetricNames.CpuPercent)]);
    }

    [Fact]
    public async Task Values_older_than_the_range_are_dropped_and_a_container_quiet_for_the_whole_range_is_gone()
    {
        var sparklines = new Sparklines(NewHistory(), clock);
        var gone = new MetricLabels("web", "production", "web-production-2");
        sparklines.Offer([Point(MetricNames.CpuPercent, 1, Noon), new MetricPoint(MetricNames.CpuPercent, gone, 7, Noon)]);
        clock.Advance(Sparklines.Range - TimeSpan.FromSeconds(30));
        sparklines.Offer([Point(MetricNames.CpuPercent, 2, clock.GetUtcNow())]);
        clock.Advance(TimeSpan.FromMinutes(1));
        sparklines.Offer([Point(MetricNames.CpuPercent, 3, clock.GetUtcNow())]);

        var read = await sparklines.ReadAsync(default);

        Assert.Equal([2d, 3d], read[("web-production", MetricNames.CpuPercent)]);
        Assert.False(read.ContainsKey(("web-production-2", MetricNames.CpuPercent)));
    }

    private MetricHistory NewHistory() =>
        new(new HistoryFile(folder), new HistorySettings { FineRetention = TimeSpan.FromHours(1), CoarseRetention = TimeSpan.FromDays(2) });

    private static MetricPoint Point(string name, double value, DateTimeOffset time) => new(name, Web, value, time);
}
