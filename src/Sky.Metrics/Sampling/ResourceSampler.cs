using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sky.Feed;
using Sky.Model.Metrics;
using Sky.Runtime;
using Sky.Runtime.Resources;

namespace Sky.Metrics.Sampling;

/// <summary>
/// Samples every running container sky manages, every <c>metrics.sample-interval</c>: which ones run comes from the
/// state feed's current snapshot, their counters from the runtime (the kernel's files here, the engine's stats for a
/// remote engine). Readings are made a few at a time so a slow engine never makes a sample take longer than its interval.
/// </summary>
public sealed class ResourceSampler(IContainerRuntime runtime, StateFeed feed, IMetricSink sink, MetricsSettings settings, TimeProvider clock, ILogger<ResourceSampler> logger) : BackgroundService
{
    private const int ReadersAtOnce = 4;

    /// <summary>What one sample of every container took (wall time, in seconds: Prometheus' base unit) and how many it read: the sampler's own cost.</summary>
    public const string SampleSeconds = "sky.sampling.seconds";

    public const string SampledContainers = "sky.sampling.containers";

    /// <summary>CPU time one round used on the sampler's thread (seconds), when it read only files and so never left it.</summary>
    public const string SampleCpuSeconds = "sky.sampling.cpu.seconds";

    private readonly Dictionary<string, ResourceUsage> previous = new(StringComparer.Ordinal);

    /// <summary>Takes one sample of every running container now and writes it; the loop calls it every interval.</summary>
    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var running = feed.Current.Containers.Values.Where(c => c.Phase == ContainerPhase.Running).ToList();
        var readings = new (ContainerFacts Container, ResourceUsage? Usage)[running.Count];
        var now = clock.GetUtcNow();
        // Reads from the kernel's files finish at once, on this thread; only reads through the engine wait, a few at a time.
        var cpuBefore = ThreadCpu.Now();
        var pending = new List<Task>();
        var waited = false;
        for (var index = 0; index < running.Count; index++)
        {
            var container = running[index];
            var slot = index;
            var reading = ReadAsync(container, now, cancellationToken);
            if (reading.IsCompleted)
            {
                readings[slot] = (container, await reading);
                continue;
            }

            pending.Add(reading.ContinueWith(done => readings[slot] = (container, done.Result), cancellationToken, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default));
            if (pending.Count >= ReadersAtOnce)
            {
                waited = true;
                pending.Remove(await Task.WhenAny(pending));
            }
        }

        var cpu = !waited && pending.Count == 0 && cpuBefore is { } before && ThreadCpu.Now() is { } after ? after - before : (TimeSpan?)null;
        await Task.WhenAll(pending);

        var points = new List<MetricPoint>(running.Count * MetricNames.Resources.Count);
        foreach (var (container, usage) in readings)
        {
            if (usage is null)
            {
                continue;
            }

            points.AddRange(ResourceRates.Points(ContainerLabels.Of(container), previous.GetValueOrDefault(container.Id), usage));
            previous[container.Id] = usage;
        }

        foreach (var gone in previous.Keys.Except(running.Select(c => c.Id)).ToList())
        {
            previous.Remove(gone);
            runtime.ForgetResourceReader(gone);
        }

        points.Add(new MetricPoint(SampleSeconds, MetricLabels.None, clock.GetElapsedTime(started).TotalSeconds, now));
        points.Add(new MetricPoint(SampledContainers, MetricLabels.None, running.Count, now));
        if (cpu is { } used)
        {
            points.Add(new MetricPoint(SampleCpuSeconds, MetricLabels.None, used.TotalSeconds, now));
        }
        points.AddRange(DaemonFigures.Points(now));
        sink.Write(points);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.SampleInterval, clock);
        try
        {
            do
            {
                try
                {
                    await SampleAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning("metrics: a resource sample failed: {Error}", exception.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<ResourceUsage?> ReadAsync(ContainerFacts container, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            return await runtime.ReadResourceUsageAsync(container.Id, now, cancellationToken);
        }
        catch (Exception exception) when (exception is EngineException or EngineUnavailableException or HttpRequestException)
        {
            // Gone between the snapshot and the reading, or the engine is away: the next sample tries again.
            return null;
        }
    }
}
