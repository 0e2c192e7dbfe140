using System.Collections.Concurrent;
using System.Diagnostics;
using Sky.Supervisor.Health;

namespace Sky.Supervisor.Tests.Health;

public sealed class ProbeThreadsTests
{
    [Fact]
    public async Task Work_runs_in_the_order_it_falls_due_not_the_order_it_was_given()
    {
        using var threads = new ProbeThreads(count: 1);
        var ran = new ConcurrentQueue<string>();

        var late = threads.RunAfterAsync(TimeSpan.FromSeconds(1), () => { ran.Enqueue("late"); return 1; }, CancellationToken.None);
        var early = threads.RunAfterAsync(TimeSpan.Zero, () => { ran.Enqueue("early"); return 2; }, CancellationToken.None);

        var answers = await Task.WhenAll(early, late);
        Assert.Equal([2, 1], answers);
        Assert.Equal(["early", "late"], ran);
    }

    [Theory]
    [InlineData(10_000, 1_000)]
    [InlineData(8_000, 1_000)]
    [InlineData(2_000, 100)]
    [InlineData(800, 100)]
    public void Work_due_later_runs_on_the_nearest_point_of_the_grid_shared_by_every_delay_like_it(int delayMs, int gridMs)
    {
        var grid = Stopwatch.Frequency * gridMs / 1000;
        var delay = TimeSpan.FromMilliseconds(delayMs);

        // Instants either side of one point, as checks' rounds would give them, run together on it.
        Assert.Equal(124 * grid, ProbeThreads.Coalesced((123 * grid) + (grid * 3 / 5), delay));
        Assert.Equal(124 * grid, ProbeThreads.Coalesced(124 * grid, delay));
        Assert.Equal(124 * grid, ProbeThreads.Coalesced((124 * grid) + (grid * 2 / 5), delay));
        // A round asked for a few milliseconds after its point keeps the period: the next round is on the next point.
        Assert.Equal(134 * grid, ProbeThreads.Coalesced((124 * grid) + (grid / 100) + (10 * grid), delay));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(200)]
    [InlineData(799)]
    public void Work_due_soon_keeps_its_instant(int delayMs)
    {
        var due = 123 * Stopwatch.Frequency + 4_567_891;

        Assert.Equal(due, ProbeThreads.Coalesced(due, TimeSpan.FromMilliseconds(delayMs)));
    }

    [Fact]
    public async Task What_awaits_the_answer_goes_on_on_the_probe_thread()
    {
        using var threads = new ProbeThreads(count: 1);

        using var gate = new ManualResetEventSlim();
        var answer = threads.RunAfterAsync(TimeSpan.Zero, () => gate.Wait(TimeSpan.FromSeconds(10)), CancellationToken.None);

        // Off the test framework's synchronization context, as the daemon's check runners are; awaiting before the work ends.
        var goesOn = Task.Run(async () =>
        {
            var awaiting = ThreadAfterAsync(answer);
            gate.Set();
            return await awaiting;
        });
        var goesOnOn = await goesOn;

        Assert.StartsWith("sky checks", goesOnOn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelled_work_never_runs_and_its_answer_says_cancelled()
    {
        using var threads = new ProbeThreads(count: 1);
        using var stop = new CancellationTokenSource();
        using var gate = new ManualResetEventSlim();
        var ran = false;

        // The only thread is busy until the work is cancelled.
        var busy = threads.RunAfterAsync(TimeSpan.Zero, () => gate.Wait(TimeSpan.FromSeconds(10)), CancellationToken.None);
        var cancelled = threads.RunAfterAsync(TimeSpan.Zero, () => ran = true, stop.Token);
        await stop.CancelAsync();
        gate.Set();
        // Work due after it shows the cancelled one's turn has passed.
        await threads.RunAfterAsync(TimeSpan.FromMilliseconds(50), () => 0, CancellationToken.None);

        Assert.True(await busy);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.False(ran);
    }

    [Fact]
    public async Task Work_that_throws_hands_its_exception_to_the_awaiter_and_the_thread_goes_on()
    {
        using var threads = new ProbeThreads(count: 1);

        var failing = threads.RunAfterAsync<int>(TimeSpan.Zero, () => throw new IOException("refused"), CancellationToken.None);

        Assert.Equal("refused", (await Assert.ThrowsAsync<IOException>(() => failing)).Message);
        Assert.Equal(3, await threads.RunAfterAsync(TimeSpan.Zero, () => 3, CancellationToken.None));
    }

    private static async Task<string?> ThreadAfterAsync(Task answer)
    {
        await answer;
        return Thread.CurrentThread.Name;
    }
}
