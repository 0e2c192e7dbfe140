using Microsoft.Extensions.Logging;

namespace Sky.Scheduler;

/// <summary>The scheduler's two slow companions: noticing a newly applied revision, and trimming old run records.</summary>
public sealed partial class JobScheduler
{
    private async Task WatchRevisionsAsync(CancellationToken token)
    {
        while (await Delay(options.RevisionPollInterval, token))
        {
            try
            {
                if (source.CurrentRevision() != Interlocked.Read(ref knownRevision))
                {
                    Wake();
                }
            }
            catch (Exception exception)
            {
                logger.LogWarning("could not read the applied revision: {Error}", exception.Message);
            }
        }
    }

    private async Task RetainAsync(CancellationToken token)
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
        while (await Delay(options.RetentionInterval, token));
    }

    /// <summary>Sleeps on the scheduler's clock; false when the daemon stops.</summary>
    private async Task<bool> Delay(TimeSpan delay, CancellationToken token)
    {
        try
        {
            await Task.Delay(delay, clock, token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
