using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
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

    [Fact]
    public async Task Work_due_at_one_instant_is_all_started_before_the_thread_waits_for_any_answer()
    {
        using var threads = new ProbeThreads(count: 1);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var started = new ConcurrentQueue<string>();
        var answered = new ConcurrentQueue<string>();
        using var gate = new ManualResetEventSlim();

        // Each answer is sent only once every piece has started: a thread that waited for the first answer before
        // starting the next piece would wait in vain until its time on the thread is over.
        var answers = new List<Socket>();
        var busy = threads.RunAfterAsync(TimeSpan.Zero, () => gate.Wait(TimeSpan.FromSeconds(10)), CancellationToken.None);
        var works = new List<AnsweredWork>();
        for (var i = 1; i <= 3; i++)
        {
            var work = new AnsweredWork($"w{i}", listener, started, answered, () =>
            {
                if (started.Count == 3)
                {
                    foreach (var answer in answers)
                    {
                        answer.Send("!"u8);
                    }
                }
            });
            answers.Add(work.ServerSide);
            works.Add(work);
            threads.Schedule(work, TimeSpan.Zero);
        }

        gate.Set();
        await busy;
        await Task.WhenAll(works.Select(w => w.Finished));

        Assert.Equal(["w1", "w2", "w3"], started);
        Assert.Equal(["w1", "w2", "w3"], answered.Order());
        foreach (var work in works)
        {
            work.Dispose();
        }
    }

    private static async Task<string?> ThreadAfterAsync(Task answer)
    {
        await answer;
        return Thread.CurrentThread.Name;
    }

    /// <summary>Work that waits for one byte on a loopback connection of its own; says whether it came in its time.</summary>
    private sealed class AnsweredWork : ProbeWork, IDisposable
    {
        private readonly string name;
        private readonly ConcurrentQueue<string> started;
        private readonly ConcurrentQueue<string> answered;
        private readonly Action afterStart;
        private readonly Socket client = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long until;

        public AnsweredWork(string name, TcpListener listener, ConcurrentQueue<string> started, ConcurrentQueue<string> answered, Action afterStart)
        {
            (this.name, this.started, this.answered, this.afterStart) = (name, started, answered, afterStart);
            client.Connect((IPEndPoint)listener.LocalEndpoint);
            ServerSide = listener.AcceptSocket();
        }

        public Socket ServerSide { get; }

        public Task Finished => finished.Task;

        public override Socket Awaited => client;

        public override long AwaitedUntil => until;

        public override bool Start()
        {
            until = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
            started.Enqueue(name);
            afterStart();
            return true;
        }

        public override bool Take()
        {
            answered.Enqueue(name);
            return client.Receive(new byte[1]) == 1;
        }

        public override void Finish() => finished.SetResult();

        public override void Abandon() => finished.SetCanceled();

        public void Dispose()
        {
            client.Dispose();
            ServerSide.Dispose();
        }
    }
}
