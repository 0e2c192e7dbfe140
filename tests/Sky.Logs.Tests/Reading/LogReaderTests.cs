using Sky.Logs.Reading;
using Sky.Logs.Store;
using Sky.Logs.Tests.Store;

namespace Sky.Logs.Tests.Reading;

public sealed class LogReaderTests : IDisposable
{
    private readonly StoreFolder folder = new();
    private readonly LogSource first = StoreFolder.Source("web-1");
    private readonly LogSource second = StoreFolder.Source("web-2");

    public LogReaderTests()
    {
        // Two replicas whose chunks overlap in time: web-1 at :00, :01, :02; web-2 at :00.5, :01.5.
        folder.Write(first, StoreFolder.Start, "one a", "one b", "err: one c");
        folder.Write(second, StoreFolder.Start.AddMilliseconds(500), "two a", "two b");
        folder.Write(StoreFolder.Source("db-1", role: "database"), StoreFolder.Start, "db line");
    }

    private LogReader Reader => new(folder.Store);

    [Fact]
    public void Lines_of_several_containers_come_in_time_order()
    {
        var lines = Reader.Read(new LogFilter { Service = "web", MainOnly = true }, null, null).Select(r => r.Text);

        Assert.Equal(["one a", "two a", "one b", "two b", "err: one c"], lines);
    }

    [Fact]
    public void Tail_grep_regex_stream_and_time_range_pick_the_lines_a_user_asks_for()
    {
        var main = new LogFilter { Service = "web", MainOnly = true };
        Assert.Equal(["two b", "err: one c"], Reader.Read(main, null, tail: 2).Select(r => r.Text));
        Assert.Equal(["two a", "two b"], Reader.Read(main, LogMatch.Create("two", null, out _), null).Select(r => r.Text));
        Assert.Equal(["one b", "two b"], Reader.Read(main, LogMatch.Create(null, "^[a-z]+ b$", out _), null).Select(r => r.Text));
        Assert.Equal(["err: one c"], Reader.Read(main with { Stream = "stderr" }, null, null).Select(r => r.Text));
        Assert.Equal(["one b", "two b"], Reader.Read(main with { Since = StoreFolder.Start.AddSeconds(1), Until = StoreFolder.Start.AddSeconds(1.5) }, null, null).Select(r => r.Text));
        Assert.Contains("db line", Reader.Read(new LogFilter { Service = "web" }, null, null).Select(r => r.Text));
    }

    [Fact]
    public void Every_line_carries_its_labels()
    {
        var line = Reader.Read(new LogFilter { Container = "web-2" }, null, tail: 1).Single();

        Assert.Equal((second, "stdout", StoreFolder.Start.AddSeconds(1.5), false), (line.Source, line.Stream, line.Time, line.Truncated));
    }

    [Fact]
    public void A_bad_regex_is_an_error_that_quotes_it()
    {
        Assert.Null(LogMatch.Create(null, "([a-z", out var error));
        Assert.StartsWith("regex '([a-z' is not valid", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follower_gets_what_is_stored_then_each_new_line_once()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var lines = Reader.FollowAsync(new LogFilter { Container = "web-1" }, null, tail: 1, stop.Token).GetAsyncEnumerator(stop.Token);

        Assert.True(await lines.MoveNextAsync());
        Assert.Equal("err: one c", lines.Current.Text);
        var next = lines.MoveNextAsync();
        folder.Write(second, StoreFolder.Start.AddSeconds(10), "not followed");
        folder.Write(first, StoreFolder.Start.AddSeconds(10), "one d", "one e");
        Assert.True(await next);
        Assert.Equal("one d", lines.Current.Text);
        Assert.True(await lines.MoveNextAsync());
        Assert.Equal("one e", lines.Current.Text);
        await stop.CancelAsync();
    }

    public void Dispose() => folder.Dispose();
}
