using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sky.Metrics.History;

/// <summary>
/// Writes the history's open blocks every five minutes and at stop, drops what is past its retention every ten minutes,
/// and forgets the newest values of series no longer written.
/// </summary>
public sealed class HistoryWriter(MetricHistory history, LatestValues latest, MetricsSettings settings, TimeProvider clock, ILogger<HistoryWriter> logger) : BackgroundService
{
    // Each flush rewrites every open block (up to an hour of a series, at most 1.4 KB): with 300 containers, about 5,000
    // rows. Every minute that was a tenth of the idle daemon's CPU (bench/footprint.sh); a crash loses at most this much
    // of the history, a stop nothing (StopAsync writes).
    public static readonly TimeSpan FlushEvery = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(10);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Write();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastPrune = clock.GetUtcNow();
        using var timer = new PeriodicTimer(FlushEvery, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Write();
                var now = clock.GetUtcNow();
                latest.ForgetOlderThan(now - settings.ForgetAfter);
                if (now - lastPrune >= PruneEvery)
                {
                    lastPrune = now;
                    Prune(now);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Write()
    {
        try
        {
            history.Flush();
        }
        catch (Exception exception)
        {
            logger.LogWarning("metrics history: writing failed, kept in memory for the next try: {Error}", exception.Message);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        try
        {
            history.Prune(now);
        }
        catch (Exception exception)
        {
            logger.LogWarning("metrics history: pruning failed: {Error}", exception.Message);
        }
    }
}
