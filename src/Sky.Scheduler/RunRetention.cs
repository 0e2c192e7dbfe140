using Microsoft.Extensions.Logging;
using Sky.Store;

namespace Sky.Scheduler;

/// <summary>Trims the run records now and then: at most so many per job, none older than the maximum age.</summary>
public sealed class RunRetention(JobRunRepository runs, TimeProvider clock, JobSchedulerOptions options, ILogger<RunRetention> logger)
{
    public async Task RunAsync(CancellationToken token)
    {
        do
        {
            try
            {
                runs.ApplyRetention(options.KeepRunsPerJob, options.MaxRunAge);
            }
            catch (Exception exception)
            {
                logger.LogWarning("job run retention failed: {Error}", exception.Message);
            }
        }
        while (await ClockSleep.ForAsync(clock, options.RetentionInterval, token));
    }
}
