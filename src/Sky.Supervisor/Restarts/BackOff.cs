namespace Sky.Supervisor.Restarts;

/// <summary>Exponential back-off between restarts: 1 s, 2 s, 4 s... capped at one minute.</summary>
public static class BackOff
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan Cap = TimeSpan.FromMinutes(1);

    /// <summary>How long a well-running container must run (and pass its checks) before its restarts are forgiven.</summary>
    public static readonly TimeSpan ResetAfter = TimeSpan.FromSeconds(30);

    /// <summary>The wait before restart number <paramref name="consecutiveRestarts"/> + 1.</summary>
    public static TimeSpan Delay(int consecutiveRestarts)
    {
        // Past 2^6 s the cap applies anyway; clamping the exponent keeps the arithmetic from overflowing.
        var exponent = Math.Clamp(consecutiveRestarts, 0, 16);
        var delay = First * Math.Pow(2, exponent);
        return delay > Cap ? Cap : delay;
    }
}
