using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sky.Runtime;
using Sky.Supervisor.Revisions;

namespace Sky.Supervisor.Rollouts;

/// <summary>
/// Once, when the daemon starts: finishes a rollout an earlier daemon left half done (killed mid-batch), so no
/// container stays under a retiring name or on an earlier spec. Registered after the supervisor, whose checks the
/// resumed rollout waits on.
/// </summary>
public sealed class RolloutResumption(ConfigurationOperations operations, ILogger<RolloutResumption> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var resumed = await operations.ResumeAsync(stoppingToken);
            if (resumed.Count > 0)
            {
                logger.LogInformation("Finished the unfinished rollout of {Instances}", string.Join(", ", resumed.Select(i => $"{i.Service}/{i.Name}")));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception exception) when (exception is EngineException or EngineUnavailableException or HttpRequestException or IOException)
        {
            // The engine is away: the supervisor brings back what it stopped; an earlier spec waits for the next apply.
            logger.LogWarning("Could not look for an unfinished rollout: {Message}", exception.Message);
        }
    }
}
