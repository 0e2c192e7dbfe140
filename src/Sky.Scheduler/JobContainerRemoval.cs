using Microsoft.Extensions.Logging;
using Sky.Runtime;

namespace Sky.Scheduler;

/// <summary>Removing a job container (a run's or an armed one) without letting a failure end the caller's work.</summary>
internal static class JobContainerRemoval
{
    /// <summary>
    /// Removes it, forced; a failure is logged, not thrown: a leftover is removed by the next start's recovery.
    /// Never cancelled: a container half-removed is worse than a moment more at shutdown.
    /// </summary>
    public static async Task RemoveQuietlyAsync(this IContainerRuntime runtime, string? id, ILogger logger)
    {
        if (id is null)
        {
            return;
        }

        try
        {
            await runtime.RemoveContainerAsync(id, force: true, CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.LogWarning("could not remove job container {Container}: {Error}", id, exception.Message);
        }
    }
}
