namespace Sky.Supervisor.Restarts;

/// <summary>
/// Exponential back-off between restarts, as Docker's own: a container that ran well and dies is restarted at once
/// (downtime is what a user notices), then 200 ms, 400 ms, 800 ms... capped at one minute while it keeps dying.
/// </summary>
public static class BackOff
{
    public static readonly TimeSpan Second = TimeSpan.FromMilliseconds(200);

    public static readonly TimeSpan Cap = TimeSpan.FromMinutes(1);

    /// <summary>How long a well-running container must run (and pass its checks) before its restarts are forgiven.</summary>
    public static readonly TimeSpan ResetAfter = TimeSpan.FromSeconds(30);

    /// <summary>The wait before restart number <paramref name="consecutiveRestarts"/> + 1.</summary>
    public static TimeSpan Delay(int consecutiveRestarts)
    {
        if (consecutiveRestarts <= 0)
        {
            return TimeSpan.Zero;
        }

        // Past 2^9 the cap applies anyway; clamping the exponent keeps the arithmetic from overflowing.
        var exponent = Math.Clamp(consecutiveRestarts - 1, 0, 16);
        var delay = Second * Math.Pow(2, exponent);
        return delay > Cap ? Cap : delay;
    }
}
