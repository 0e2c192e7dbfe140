using Sky.Model;

namespace Sky.Supervisor.Restarts;

/// <summary>
/// The restart policies as pure decisions. Docker's meanings, carried over: <c>no</c> never restarts, <c>on-failure</c>
/// restarts failures (non-zero exit, OOM, failed checks) up to N times in a row, <c>always</c> restarts whatever
/// the end, even a container stopped by hand or found stopped, and <c>unless-stopped</c> is <c>always</c> except for
/// containers someone stopped. A removed container of an instance wanted running is recreated under every policy:
/// the instance is wanted, and the container no longer exists to be "stopped". A container the engine stopped on its
/// way down is restarted under every policy but <c>no</c>, and never counts towards a crash loop: it did not fail.
/// </summary>
public static class RestartDecider
{
    /// <param name="consecutiveRestarts">Restarts since the container was last healthy for the reset period.</param>
    public static RestartVerdict Decide(RestartPolicy policy, ContainerEnd end, int consecutiveRestarts)
    {
        if (end == ContainerEnd.Removed)
        {
            return RestartVerdict.Restart;
        }

        if (end == ContainerEnd.EngineStopped)
        {
            return policy.Mode == RestartMode.No ? RestartVerdict.Leave : RestartVerdict.Restart;
        }

        return policy.Mode switch
        {
            RestartMode.No => RestartVerdict.Leave,
            RestartMode.OnFailure => end is ContainerEnd.Failed or ContainerEnd.Unhealthy
                ? policy.MaxRetries > 0 && consecutiveRestarts >= policy.MaxRetries ? RestartVerdict.CrashLoop : RestartVerdict.Restart
                : RestartVerdict.Leave,
            RestartMode.Always => RestartVerdict.Restart,
            RestartMode.UnlessStopped => end is ContainerEnd.StoppedByHand or ContainerEnd.FoundStopped ? RestartVerdict.Leave : RestartVerdict.Restart,
            _ => RestartVerdict.Leave,
        };
    }
}
