using Sky.Model;

namespace Sky.Runtime.Tests;

public class DockerRuntimeStreamsTests
{
    [Fact]
    public async Task Logs_are_decoded_into_lines_with_stdout_and_stderr_told_apart_and_timestamped()
    {
        await using var scope = new EngineScope();
        var id = await scope.RunAsync("talker", "sh", "-c", "echo out-1; echo err-1 >&2; printf 'out-2\\nout-3\\n'; printf 'no newline'");
        await scope.Runtime.WaitContainerAsync(id, scope.Token);

        var lines = await ReadAllAsync(scope.Runtime.GetLogsAsync(id, new LogQuery(), scope.Token));

        Assert.Equal(["out-1", "out-2", "out-3", "no newline"], lines.Where(l => l.Stream == LogStream.Stdout).Select(l => l.Text));
        Assert.Equal(["err-1"], lines.Where(l => l.Stream == LogStream.Stderr).Select(l => l.Text));
        Assert.All(lines, l => Assert.InRange(l.Timestamp!.Value, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1)));
    }

    [Fact]
    public async Task Logs_without_timestamps_carry_no_time()
    {
        await using var scope = new EngineScope();
        var id = await scope.RunAsync("talker", "echo", "plain");
        await scope.Runtime.WaitContainerAsync(id, scope.Token);

        var lines = await ReadAllAsync(scope.Runtime.GetLogsAsync(id, new LogQuery { Timestamps = false }, scope.Token));

        Assert.Equal(new LogEntry(LogStream.Stdout, "plain", null), Assert.Single(lines));
    }

    [Fact]
    public async Task Tail_gives_only_the_last_lines()
    {
        await using var scope = new EngineScope();
        var id = await scope.RunAsync("counter", "sh", "-c", "for i in 1 2 3 4 5; do echo line-$i; done");
        await scope.Runtime.WaitContainerAsync(id, scope.Token);

        var lines = await ReadAllAsync(scope.Runtime.GetLogsAsync(id, new LogQuery { Tail = 2 }, scope.Token));

        Assert.Equal(["line-4", "line-5"], lines.Select(l => l.Text));
    }

    [Fact]
    public async Task Since_leaves_out_older_lines()
    {
        await using var scope = new EngineScope();
        var id = await scope.RunAsync("slow", "sh", "-c", "echo early; sleep 1; echo late");
        await scope.Runtime.WaitContainerAsync(id, scope.Token);
        var all = await ReadAllAsync(scope.Runtime.GetLogsAsync(id, new LogQuery(), scope.Token));
        var late = all.Single(l => l.Text == "late").Timestamp!.Value;

        var lines = await ReadAllAsync(scope.Runtime.GetLogsAsync(id, new LogQuery { Since = late.AddMilliseconds(-100) }, scope.Token));

        Assert.Equal(["late"], lines.Select(l => l.Text));
    }

    [Fact]
    public async Task Following_logs_delivers_lines_written_after_reading_began()
    {
        await using var scope = new EngineScope();
        var id = await scope.RunAsync("waiter", "sh", "-c", "echo before; while [ ! -f /tmp/go ]; do sleep 0.1; done; echo after; sleep 300");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(scope.Token);
        var seen = new List<string>();

        await using var lines = scope.Runtime.GetLogsAsync(id, new LogQuery { Follow = true }, stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.True(await lines.MoveNextAsync());
        seen.Add(lines.Current.Text);
        await scope.Runtime.ExecAsync(id, ["touch", "/tmp/go"], scope.Token);
        Assert.True(await lines.MoveNextAsync());
        seen.Add(lines.Current.Text);

        Assert.Equal(["before", "after"], seen);
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await lines.MoveNextAsync());
    }

    [Fact]
    public async Task A_terminal_container_logs_raw_output_which_is_read_as_stdout_lines()
    {
        await using var scope = new EngineScope();
        var id = await scope.CreateAsync(new ContainerCreateRequest
        {
            Name = scope.Name("tty"),
            Image = EngineScope.Image,
            Command = ["sh", "-c", "echo tty-one; echo tty-two >&2"],
            Tty = true,
        });
        await scope.Runtime.StartContainerAsync(id, scope.Token);
        await scope.Runtime.WaitContainerAsync(id, scope.Token);

        var lines = await ReadAllAsync(scope.Runtime.GetLogsAsync(id, new LogQuery(), scope.Token));

        Assert.Equal(["tty-one", "tty-two"], lines.Select(l => l.Text));
        Assert.All(lines, l => Assert.Equal(LogStream.Stdout, l.Stream));
        Assert.All(lines, l => Assert.NotNull(l.Timestamp));
    }

    [Fact]
    public async Task The_event_stream_sees_a_labelled_container_start_and_die_with_its_exit_code()
    {
        await using var scope = new EngineScope();
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);

        // Reading from just before the container exists means no event can slip by before the stream is open.
        var id = await scope.RunAsync("brief", "sh", "-c", "exit 3");
        var events = new List<EngineEvent>();
        await foreach (var e in scope.Runtime.GetEventsAsync(scope.Filter, since, scope.Token))
        {
            events.Add(e);
            if (e.Action == "die")
            {
                break;
            }
        }

        var start = Assert.Single(events, e => e.Action == "start");
        var die = Assert.Single(events, e => e.Action == "die");
        Assert.All(events, e => Assert.Equal("container", e.Type));
        Assert.Equal(id, start.ActorId);
        Assert.Equal(scope.Name("brief"), die.Name);
        Assert.Equal("3", die.Attributes["exitCode"]);
        Assert.Equal(scope.Prefix, die.Attributes[EngineScope.TestLabel]);
        Assert.True(die.Time >= start.Time);
        Assert.InRange(die.Time, since.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));
    }

    [Fact]
    public async Task The_event_stream_leaves_out_containers_without_the_labels()
    {
        await using var scope = new EngineScope();
        await using var other = new EngineScope();
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        await other.RunAsync("unrelated", "true");
        var mine = await scope.RunAsync("mine", "true");

        var first = await FirstAsync(scope.Runtime.GetEventsAsync(scope.Filter, since, scope.Token));

        Assert.Equal(mine, first.ActorId);
    }

    [Fact]
    public async Task Cancelling_a_quiet_event_stream_ends_it_with_a_cancellation_and_nothing_else()
    {
        await using var scope = new EngineScope();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(scope.Token);
        var filter = new Dictionary<string, string?> { [EngineScope.TestLabel] = scope.Prefix, [SkyLabels.Managed] = "never" };
        var reading = Task.Run(async () =>
        {
            await foreach (var _ in scope.Runtime.GetEventsAsync(filter, null, cancel.Token))
            {
            }
        });
        await Task.Delay(500, scope.Token);

        await cancel.CancelAsync();

        // The bound only keeps a broken cancellation from hanging the run; it is not a timing measurement.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading.WaitAsync(TimeSpan.FromSeconds(30), scope.Token));
    }

    private static async Task<List<T>> ReadAllAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static async Task<T> FirstAsync<T>(IAsyncEnumerable<T> items)
    {
        await foreach (var item in items)
        {
            return item;
        }

        throw new InvalidOperationException("the stream ended empty");
    }
}
