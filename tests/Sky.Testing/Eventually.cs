namespace Sky.Testing;

/// <summary>Polls until something shows up or a condition holds, bounded in time: a missing result fails the test instead of hanging it.</summary>
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

    public static async Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan within, string what, Func<Task<string>>? explain = null)
    {
        var deadline = DateTime.UtcNow + within;
        var last = await probe();
        while (!done(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                var explanation = explain is null ? string.Empty : "\n" + await explain();
                throw new TimeoutException($"not within {within.TotalSeconds} s: {what} (last seen: {last}){explanation}");
            }

            await Task.Delay(200);
            last = await probe();
        }

        return last;
    }
}
