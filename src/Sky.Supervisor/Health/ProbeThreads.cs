using System.Diagnostics;

namespace Sky.Supervisor.Health;

/// <summary>
/// A few threads of the daemon's own that run short work at given instants: the checks of every container. Waiting
/// for the instant and doing the work on one thread, its blocking socket calls woken by the kernel directly, costs a
/// fifth of the CPU of a timer and asynchronous sockets, each of which wakes another thread before the work goes on
/// (measured here against a stand-in through the engine's port proxy: 0.2 ms against 1.0 ms per HTTP check; with 300
/// containers checked every 10 s that is 30 checks a second). The awaiting code goes on on the same thread, so a check
/// round ends by asking for the next one here. Work must be short (its waits bounded); longer waits go on
/// asynchronously elsewhere.
/// </summary>
public sealed class ProbeThreads : IDisposable
{
    private readonly object sync = new();
    private readonly PriorityQueue<ProbeWork, long> queue = new();
    private readonly Thread[] threads;
    private bool disposed;

    public ProbeThreads(int count = 2)
    {
        threads = Enumerable.Range(1, count).Select(n => new Thread(Loop) { IsBackground = true, Name = $"sky checks {n}" }).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on one of the threads after <paramref name="delay"/>; what awaits the answer goes
    /// on on that thread. Cancelled, the work does not run.
    /// </summary>
    public Task<T> RunAfterAsync<T>(TimeSpan delay, Func<T> work, CancellationToken cancellationToken)
    {
        var item = new ProbeWork<T>(work, cancellationToken);
        var due = Coalesced(Stopwatch.GetTimestamp() + (delay > TimeSpan.Zero ? (long)(delay.TotalSeconds * Stopwatch.Frequency) : 0), delay);
        lock (sync)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            var first = !queue.TryPeek(out _, out var head) || due < head;
            queue.Enqueue(item, due);
            if (first)
            {
                // One sleeping thread computes its sleep again; the other wakes at its own time.
                Monitor.Pulse(sync);
            }
        }

        return item.Answer;
    }

    /// <summary>
    /// The instant work given <paramref name="delay"/> runs: <paramref name="due"/> moved to the nearest whole second
    /// (delays of 8 s or more) or tenth of a second (800 ms or more) on the clock every caller shares, at most a sixteenth
    /// of the delay either way. Checks every 10 s of 300 containers would otherwise wake a thread 30 times a second, and
    /// in a virtual machine the wake-up costs as much as the check; on the grid one wake-up runs every check due then.
    /// The nearest point, not the next: a round asked for at the end of the last one (a few milliseconds past its point)
    /// lands on the same point of the next period, so a check every 10 s stays every 10 s. Shorter delays are kept.
    /// </summary>
    internal static long Coalesced(long due, TimeSpan delay)
    {
        var grid = delay >= TimeSpan.FromSeconds(8) ? Stopwatch.Frequency
            : delay >= TimeSpan.FromMilliseconds(800) ? Stopwatch.Frequency / 10
            : 0;
        return grid == 0 ? due : (due + (grid / 2)) / grid * grid;
    }

    /// <summary>Completes on one of the threads after <paramref name="delay"/>: what awaits it goes on there.</summary>
    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) => RunAfterAsync(delay, static () => true, cancellationToken);

    public void Dispose()
    {
        lock (sync)
        {
            disposed = true;
            while (queue.TryDequeue(out var item, out _))
            {
                item.Abandon();
            }

            Monitor.PulseAll(sync);
        }
    }

    private void Loop()
    {
        while (Next() is { } item)
        {
            item.Run();
        }
    }

    /// <summary>The next item once it is due; null when disposed.</summary>
    private ProbeWork? Next()
    {
        lock (sync)
        {
            while (!disposed)
            {
                if (!queue.TryPeek(out var item, out var due))
                {
                    Monitor.Wait(sync);
                    continue;
                }

                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait <= TimeSpan.Zero)
                {
                    queue.Dequeue();
                    return item;
                }

                // Rounded up: waking a millisecond early would only make the thread sleep again.
                Monitor.Wait(sync, (int)Math.Ceiling(wait.TotalMilliseconds));
            }

            return null;
        }
    }
}
