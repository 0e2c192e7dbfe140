using System.Text;
using Sky.Runtime;

namespace Sky.Runtime.Tests;

public sealed class JsonFileLogTests : IDisposable
{
    private readonly string path = Path.GetTempFileName();

    public void Dispose() => File.Delete(path);

    [Fact]
    public async Task Entries_come_back_as_lines_with_their_stream_and_time_pieces_joined_and_older_ones_skipped()
    {
        await File.WriteAllTextAsync(path,
            """
            {"log":"too old\n","stream":"stdout","time":"2026-11-30T11:59:59.5Z"}
            {"log":"first \"quoted\" \u00e9\n","stream":"stdout","time":"2026-11-30T12:00:00.123456789Z"}
            {"log":"a long line, ","stream":"stderr","time":"2026-11-30T12:00:01Z"}
            {"log":"its end\n","stream":"stderr","time":"2026-11-30T12:00:02Z"}

            """);
        var lines = new Lines();

        await JsonFileLog.CopyAsync(path, new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero), follow: false, Task.CompletedTask, lines, TimeProvider.System, CancellationToken.None);

        var start = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal([(LogStream.Stdout, start.AddTicks(1234567), "first \"quoted\" é"), (LogStream.Stderr, start.AddSeconds(1), "a long line, its end")], lines.Taken);
    }

    [Fact]
    public async Task Following_reads_lines_written_later_and_ends_once_the_container_stopped()
    {
        await File.WriteAllTextAsync(path, "{\"log\":\"one\\n\",\"stream\":\"stdout\",\"time\":\"2026-11-30T12:00:00Z\"}\n");
        var lines = new Lines();
        var stopped = new TaskCompletionSource();

        var copying = JsonFileLog.CopyAsync(path, null, follow: true, stopped.Task, lines, TimeProvider.System, CancellationToken.None);
        await lines.First.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await File.AppendAllTextAsync(path, "{\"log\":\"two\\n\",\"stream\":\"stdout\",\"time\":\"2026-11-30T12:00:01Z\"}\n");
        stopped.SetResult();
        await copying;

        Assert.Equal(["one", "two"], lines.Taken.Select(t => t.Text));
    }

    [Fact]
    public async Task A_line_written_while_following_is_read_when_the_file_is_written_not_at_a_later_poll()
    {
        await File.WriteAllTextAsync(path, "{\"log\":\"one\\n\",\"stream\":\"stdout\",\"time\":\"2026-11-30T12:00:00Z\"}\n");
        var lines = new Lines();
        using var stop = new CancellationTokenSource();

        // A clock whose timers never fire: only the file system's word that the file grew can wake the reader.
        var copying = JsonFileLog.CopyAsync(path, null, follow: true, Task.Delay(Timeout.Infinite, stop.Token), lines, new StoppedClock(), stop.Token);
        await lines.First.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await File.AppendAllTextAsync(path, "{\"log\":\"two\\n\",\"stream\":\"stdout\",\"time\":\"2026-11-30T12:00:01Z\"}\n");
        await lines.Second.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => copying);

        Assert.Equal(["one", "two"], lines.Taken.Select(t => t.Text));
    }

    private sealed class StoppedClock : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new NeverFiring();

        private sealed class NeverFiring : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    private sealed class Lines : ILogLineSink
    {
        public List<(LogStream Stream, DateTimeOffset Time, string Text)> Taken { get; } = [];

        public TaskCompletionSource First { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Second { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Take(LogStream stream, DateTimeOffset time, ReadOnlySpan<byte> text, bool truncated)
        {
            lock (Taken)
            {
                Taken.Add((stream, time, Encoding.UTF8.GetString(text)));
                if (Taken.Count > 1)
                {
                    Second.TrySetResult();
                }
            }

            First.TrySetResult();
        }
    }
}
