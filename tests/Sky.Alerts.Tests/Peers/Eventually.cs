namespace Sky.Alerts.Tests.Peers;

/// <summary>Polls until something shows up, bounded in time, so a missing message fails the test instead of hanging it.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<T?> probe, TimeSpan timeout, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} did not arrive within {timeout.TotalSeconds}s");
            }

            await Task.Delay(50);
        }
    }
}
