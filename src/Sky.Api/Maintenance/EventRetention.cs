using Sky.Store;

namespace Sky.Api.Maintenance;

/// <summary>
/// Keeps the event log bounded: entries older than <see cref="MaxAge"/> go, and never more than <see cref="Keep"/>
/// stay, looked at once at start and then every <see cref="Every"/>.
/// </summary>
public sealed class EventRetention(EventLog events, TimeProvider clock, ILogger<EventRetention> logger) : BackgroundService
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(30);

    public const int Keep = 100_000;

    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            do
            {
                try
                {
                    var dropped = events.ApplyRetention(MaxAge, Keep);
                    if (dropped > 0)
                    {
                        logger.LogInformation("Event log retention dropped {Count} old event(s)", dropped);
                    }
                }
                catch (Microsoft.Data.Sqlite.SqliteException exception)
                {
                    logger.LogWarning("Event log retention failed, trying again in an hour: {Message}", exception.Message);
                }

                await Task.Delay(Every, clock, stoppingToken);
            }
            while (!stoppingToken.IsCancellationRequested);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
