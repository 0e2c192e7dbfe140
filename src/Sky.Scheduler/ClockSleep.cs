namespace Sky.Scheduler;

/// <summary>Sleeping on the scheduler's clock (a fake one in tests) until the daemon stops.</summary>
internal static class ClockSleep
{
    /// <summary>Sleeps <paramref name="delay"/>; false when the daemon stops first.</summary>
    public static async Task<bool> ForAsync(TimeProvider clock, TimeSpan delay, CancellationToken token)
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

    /// <summary>Sleeps <paramref name="delay"/> or until <paramref name="signal"/> completes; false when the daemon stops first.</summary>
    public static async Task<bool> ForOrUntilAsync(TimeProvider clock, TimeSpan delay, Task signal, CancellationToken token)
    {
        using var sleeping = CancellationTokenSource.CreateLinkedTokenSource(token);
        await Task.WhenAny(Task.Delay(delay, clock, sleeping.Token), signal);
        await sleeping.CancelAsync();
        return !token.IsCancellationRequested;
    }
}
