using Sky.Metrics.History;

namespace Sky.Metrics.Tests.History;

public sealed class MetricHistoryTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly MetricLabels Web = new("web", "production", "web-production");

    private readonly string folder = Directory.CreateTempSubdirectory("sky-metrics-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Values_read_back_at_10_s_steps_before_and_after_they_are_written()
    {
        var history = NewHistory();
        history.Record([Point("cpu.percent", 10, Noon), Point("cpu.percent", 30, Noon.AddSeconds(10)), Point("memory.usage", 5e6, Noon)]);

        var before = await history.ReadAsync(Query(), Noon.AddMinutes(1), default);
        history.Flush();
        var after = await NewHistory().ReadAsync(Query(), Noon.AddMinutes(1), default);

        foreach (var read in new[] { before, after })
        {
            var cpu = Assert.Single(read, s => s.Series.Name == "cpu.percent");
            Assert.Equal(TimeSpan.FromSeconds(10), cpu.Step);
            Assert.Equal([(Noon, 10d), (Noon.AddSeconds(10), 30d)], cpu.Points.Select(p => (p.Time, p.Value)));
            Assert.Equal(5e6, Assert.Single(read, s => s.Series.Name == "memory.usage").Points.Single().Value);
        }
    }

    [Fact]
    public async Task A_daemon_started_again_within_the_hour_keeps_what_it_wrote_before()
    {
        var first = NewHistory();
        first.Record([Point("cpu.percent", 1, Noon)]);
        first.Flush();

        var second = NewHistory();
        second.Record([Point("cpu.percent", 2, Noon.AddSeconds(20))]);
        second.Flush();

        var read = await NewHistory().ReadAsync(Query(), Noon.AddMinutes(1), default);
        Assert.Equal([1d, 2d], read.Single().Points.Select(p => p.Value));
    }

    [Fact]
    public async Task A_range_older_than_a_day_reads_5_minute_averages()
    {
        var history = NewHistory();
        var start = Noon.AddDays(-2);
        history.Record([Point("cpu.percent", 10, start), Point("cpu.percent", 20, start.AddSeconds(10)), Point("cpu.percent", 90, start.AddMinutes(5))]);
        history.Flush();

        var read = await history.ReadAsync(Query() with { From = start, To = start.AddHours(1) }, Noon, default);

        var cpu = read.Single();
        Assert.Equal(TimeSpan.FromMinutes(5), cpu.Step);
        Assert.Equal([(start, 15d), (start.AddMinutes(5), 90d)], cpu.Points.Select(p => (p.Time, p.Value)));
    }

    [Fact]
    public async Task Blocks_past_their_retention_are_dropped()
    {
        var history = new MetricHistory(new HistoryFile(folder), new HistorySettings { FineRetention = TimeSpan.FromHours(1), CoarseRetention = TimeSpan.FromDays(2) });
        history.Record([Point("cpu.percent", 1, Noon.AddDays(-3)), Point("cpu.percent", 2, Noon.AddHours(-3)), Point("cpu.percent", 3, Noon)]);
        history.Flush();

        history.Prune(Noon.AddMinutes(1));

        var fine = await history.ReadAsync(Query() with { From = Noon.AddMinutes(-30) }, Noon.AddMinutes(1), default);
        var coarse = await history.ReadAsync(Query() with { From = Noon.AddDays(-4) }, Noon.AddMinutes(1), default);
        Assert.Equal([3d], fine.Single().Points.Select(p => p.Value));
        Assert.Equal([2d, 3d], coarse.Single().Points.Select(p => p.Value));
    }

    [Fact]
    public async Task A_series_quiet_for_a_while_leaves_memory_and_comes_back_without_losing_what_it_wrote()
    {
        var history = NewHistory();
        history.Record([Point("cpu.percent", 1, Noon), Point("memory.usage", 5, Noon.AddMinutes(20))]);

        history.Prune(Noon.AddMinutes(20));
        Assert.Equal(1, history.OpenSeriesCount); // cpu.percent, quiet for 20 minutes, is written and forgotten

        history.Record([Point("cpu.percent", 2, Noon.AddMinutes(30))]);
        history.Flush();
        var read = await history.ReadAsync(Query() with { Names = new HashSet<string> { "cpu.percent" } }, Noon.AddMinutes(31), default);
        Assert.Equal([1d, 2d], read.Single().Points.Select(p => p.Value));
    }

    [Fact]
    public async Task An_open_block_is_stored_up_to_its_last_value_and_grows_as_values_come()
    {
        var history = NewHistory();
        history.Record([Point("cpu.percent", 1, Noon), Point("cpu.percent", 2, Noon.AddSeconds(10))]);
        history.Flush();
        var early = StoredFineBlockBytes();

        history.Record([Point("cpu.percent", 6, Noon.AddSeconds(50))]);
        history.Flush();

        Assert.Equal(2 * sizeof(float), early);
        Assert.Equal(6 * sizeof(float), StoredFineBlockBytes());
        var read = await NewHistory().ReadAsync(Query(), Noon.AddMinutes(1), default);
        Assert.Equal([(Noon, 1d), (Noon.AddSeconds(10), 2d), (Noon.AddSeconds(50), 6d)], read.Single().Points.Select(p => (p.Time, p.Value)));
    }

    [Fact]
    public async Task Values_after_the_hour_turns_and_after_a_prune_are_stored_with_those_before()
    {
        var history = NewHistory();
        var lastMinute = Noon.AddMinutes(-1);
        history.Record([Point("cpu.percent", 1, lastMinute)]);
        history.Flush();
        history.Record([Point("cpu.percent", 2, Noon.AddSeconds(10))]);
        history.Prune(Noon.AddSeconds(20));
        history.Record([Point("cpu.percent", 3, Noon.AddSeconds(30))]);
        history.Flush();

        var read = await NewHistory().ReadAsync(Query(), Noon.AddMinutes(1), default);
        Assert.Equal([(lastMinute, 1d), (Noon.AddSeconds(10), 2d), (Noon.AddSeconds(30), 3d)], read.Single().Points.Select(p => (p.Time, p.Value)));
    }

    [Fact]
    public async Task A_series_whose_stored_row_was_pruned_while_still_written_gets_a_new_one()
    {
        var settings = new HistorySettings { FineRetention = TimeSpan.FromMinutes(1), CoarseRetention = TimeSpan.FromMinutes(1) };
        var midnight = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var history = new MetricHistory(new HistoryFile(folder), settings);
        history.Record([Point("cpu.percent", 1, midnight.AddMinutes(-5))]);
        history.Flush();

        // Both of its blocks (the hour and the day before midnight) are past retention: its row goes with them, while
        // the series, written five minutes ago, stays open.
        history.Prune(midnight.AddMinutes(2));
        history.Record([Point("cpu.percent", 2, midnight.AddMinutes(3))]);
        history.Flush();

        var read = await new MetricHistory(new HistoryFile(folder), settings).ReadAsync(
            Query() with { From = midnight.AddMinutes(3), To = midnight.AddMinutes(5) }, midnight.AddMinutes(4), default);
        Assert.Equal([(midnight.AddMinutes(3), 2d)], read.Single().Points.Select(p => (p.Time, p.Value)));
    }

    [Fact]
    public async Task A_query_names_the_service_instance_and_metrics_it_wants_and_global_series_stay_apart()
    {
        var history = NewHistory();
        history.Record([
            Point("cpu.percent", 1, Noon),
            Point("memory.usage", 2, Noon),
            new MetricPoint("cpu.percent", new MetricLabels("web", "dev", "web-dev"), 3, Noon),
            new MetricPoint("stats_counts.logins", MetricLabels.None, 4, Noon),
        ]);

        var production = await history.ReadAsync(Query() with { Instance = "production", Names = new HashSet<string> { "cpu.percent" } }, Noon, default);
        var global = await history.ReadAsync(Query() with { Service = null, Global = true }, Noon, default);

        Assert.Equal(1d, production.Single().Points.Single().Value);
        Assert.Equal("stats_counts.logins", global.Single().Series.Name);
    }

    private MetricHistory NewHistory() => new(new HistoryFile(folder), new HistorySettings());

    /// <summary>The length of the one stored block at 10 s steps, as the file holds it.</summary>
    private long StoredFineBlockBytes()
    {
        using var connection = new HistoryFile(folder).Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT length(data) FROM blocks WHERE resolution = 0";
        return (long)command.ExecuteScalar()!;
    }

    private static HistoryQuery Query() => new() { Service = "web", From = Noon.AddHours(-1), To = Noon.AddHours(1) };

    private static MetricPoint Point(string name, double value, DateTimeOffset time) => new(name, Web, value, time);
}
