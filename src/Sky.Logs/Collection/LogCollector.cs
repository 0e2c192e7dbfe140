using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sky.Feed;
using Sky.Feed.Changes;
using Sky.Logs.Store;
using Sky.Model;
using Sky.Runtime;

namespace Sky.Logs.Collection;

/// <summary>
/// Reads the output of every container sky manages into the <see cref="LogStore"/>: a reader per container from the
/// moment the feed sees it run (reading from the container's first line, so none is missed), stored at most
/// <see cref="FlushInterval"/> after they come. After a daemon or engine restart each container's reading resumes
/// where the store ends, with no gap and no line twice. Before sky removes a stopped container, its output is read to
/// the end.
/// </summary>
public sealed class LogCollector(IContainerRuntime runtime, StateFeed feed, LogStore store, TimeProvider clock, ILogger<LogCollector> logger)
    : BackgroundService, IOutputKeeper
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan RetentionInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan CollectBound = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan EmptyRound = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Task> readers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, PendingLines> pending = new();
    private readonly Lock flushing = new();
    private readonly LinesArrived arrived = new();
    private CancellationToken stopping;

    public async Task ReadToEndAsync(string containerId, CancellationToken cancellationToken)
    {
        // The engine, not the feed, says whether it ran and still runs: the caller has often just seen it end (a job's
        // wait, a stop that returned) before the feed heard of it, and its last lines are still on their way.
        if (await EngineStateAsync(containerId, cancellationToken) is null or ContainerState.Created or ContainerState.Running)
        {
            // Never started: no output. Still running: its removal kills it, there is no end to wait for.
            Flush();
            return;
        }

        using var bound = new CancellationTokenSource(CollectBound, clock);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, bound.Token);
        try
        {
            // A short run can end before the collector has heard that it started: its reading begins here then.
            Ensure(await SeenRunningAsync(containerId, waiting.Token));
            if (readers.TryGetValue(containerId, out var reading))
            {
                await reading.WaitAsync(waiting.Token);
            }
        }
        catch (OperationCanceledException) when (bound.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Bounded: what was read is kept.
        }

        Flush();
    }

    private async Task<ContainerState?> EngineStateAsync(string containerId, CancellationToken cancellationToken)
    {
        try
        {
            return (await runtime.InspectContainerAsync(containerId, cancellationToken))?.State;
        }
        catch (Exception e) when (e is EngineException or EngineUnavailableException or HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>The container's facts once the feed has seen it past its creation (its reading needs its labels).</summary>
    private async Task<ContainerFacts> SeenRunningAsync(string containerId, CancellationToken cancellationToken)
    {
        await foreach (var item in feed.WatchAsync(cancellationToken: cancellationToken))
        {
            var facts = item switch
            {
                FeedSnapshot snapshot => snapshot.Containers.Values.FirstOrDefault(c => c.Id == containerId),
                ContainerChanged changed when changed.Container.Id == containerId => changed.Container,
                ContainersListed listed => listed.Containers.FirstOrDefault(c => c.Id == containerId),
                _ => null,
            };
            if (facts is not null && facts.Phase != ContainerPhase.Created)
            {
                return facts;
            }
        }

        throw new OperationCanceledException(cancellationToken);
    }

    /// <summary>Stores every line read so far; the flush loop calls it, and so do removals and tests.</summary>
    public void Flush()
    {
        lock (flushing)
        {
            var batch = new List<(long, ChunkBuilder)>();
            foreach (var lines in pending.Values)
            {
                foreach (var chunk in lines.TakeAll())
                {
                    batch.Add((lines.SourceId, chunk));
                }
            }

            store.Write(batch);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        stopping = stoppingToken;
        var flushLoop = Task.WhenAll(FlushLoopAsync(stoppingToken), RetentionLoopAsync(stoppingToken));
        try
        {
            await foreach (var item in feed.WatchAsync(cancellationToken: stoppingToken))
            {
                switch (item)
                {
                    case FeedSnapshot snapshot:
                        foreach (var container in snapshot.Containers.Values)
                        {
                            Ensure(container);
                        }

                        break;
                    case ContainerChanged changed:
                        Ensure(changed.Container);
                        break;
                    case ContainersListed listed:
                        foreach (var container in listed.Containers)
                        {
                            Ensure(container);
                        }

                        break;
                    default:
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await flushLoop;
        await Task.WhenAll(readers.Values);
        Flush();
    }

    private void Ensure(ContainerFacts container)
    {
        if (container.Phase is ContainerPhase.Created or ContainerPhase.Removed || stopping.IsCancellationRequested)
        {
            return;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (readers.TryAdd(container.Id, started.Task))
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await ReadAsync(container);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                }
                finally
                {
                    readers.TryRemove(container.Id, out _);
                    started.SetResult();
                }
            }, CancellationToken.None);
        }
    }

    /// <summary>Reads one container's output until it stops; again while it runs again (a restart keeps its id).</summary>
    private async Task ReadAsync(ContainerFacts container)
    {
        var source = store.Register(SourceLabels.From(container));
        var lines = pending.GetOrAdd(source.Id, id => new PendingLines(id, arrived));
        while (!stopping.IsCancellationRequested)
        {
            ResumePoint? resume;
            lock (flushing)
            {
                Flush();
                resume = store.ResumeAt(container.Id);
            }

            lines.Resume(resume?.Skip ?? 0);
            var began = clock.GetUtcNow();
            try
            {
                await runtime.CopyLogLinesAsync(container.Id, resume?.Since, follow: true, lines, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is EngineException or EngineUnavailableException or IOException or HttpRequestException)
            {
                // The container or the engine went away: reading resumes when the feed sees it again.
                logger.LogDebug("reading the output of {Container} stopped: {Error}", container.Name, e.Message);
                return;
            }

            // The output ended: the container stopped. If it already runs again, its new output follows. The feed
            // may not have heard of the stop yet: an empty round that ended at once waits a moment before the next.
            var now = feed.Current.Containers.GetValueOrDefault(container.Name);
            if (now?.Id != container.Id || now.Phase != ContainerPhase.Running)
            {
                return;
            }

            if (lines.Taken == 0 && clock.GetUtcNow() - began < EmptyRound)
            {
                await Task.Delay(EmptyRound, clock, stopping);
            }
        }
    }

    /// <summary>Once a line comes, waits <see cref="FlushInterval"/> for more and stores them together; nothing comes, no wake-up.</summary>
    private async Task FlushLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await arrived.WaitAsync(cancellationToken);
                await Task.Delay(FlushInterval, clock, cancellationToken);
                arrived.Reset();
                Flush();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RetentionLoopAsync(CancellationToken cancellationToken)
    {
        ApplyRetention();
        try
        {
            using var timer = new PeriodicTimer(RetentionInterval, clock);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                ApplyRetention();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void ApplyRetention()
    {
        try
        {
            lock (flushing)
            {
                var dropped = store.ApplyRetention();
                if (dropped > 0)
                {
                    logger.LogInformation("log retention dropped {Segments} segment(s)", dropped);
                }
            }
        }
        catch (IOException e)
        {
            logger.LogWarning("log retention failed: {Error}", e.Message);
        }
    }
}
