namespace Sky.Router.Breaking;

/// <summary>
/// Requests and failures of the last window, in one bucket per second, so old failures leave it a second at a time
/// without keeping one entry per request. Not thread-safe: <see cref="ContainerBreaker"/> uses it under its lock.
/// </summary>
internal sealed class FailureWindow
{
    private readonly long[] bucketSecond;
    private readonly int[] requests;
    private readonly int[] failures;

    /// <param name="window">Rounded up to whole seconds; at least one.</param>
    public FailureWindow(TimeSpan window)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(window.TotalSeconds));
        bucketSecond = new long[seconds];
        requests = new int[seconds];
        failures = new int[seconds];
        Clear();
    }

    public void Add(long second, bool failed)
    {
        var index = BucketOf(second);
        if (bucketSecond[index] != second)
        {
            bucketSecond[index] = second;
            requests[index] = 0;
            failures[index] = 0;
        }
        requests[index]++;
        if (failed)
        {
            failures[index]++;
        }
    }

    /// <summary>Requests and failures of the buckets within the window that ends with <paramref name="second"/>.</summary>
    public (int Requests, int Failures) Count(long second)
    {
        int total = 0, failed = 0;
        for (var index = 0; index < bucketSecond.Length; index++)
        {
            var age = second - bucketSecond[index];
            if (age >= 0 && age < bucketSecond.Length)
            {
                total += requests[index];
                failed += failures[index];
            }
        }
        return (total, failed);
    }

    public void Clear()
    {
        Array.Fill(bucketSecond, long.MinValue);
        Array.Clear(requests);
        Array.Clear(failures);
    }

    private int BucketOf(long second) => (int)(((second % bucketSecond.Length) + bucketSecond.Length) % bucketSecond.Length);
}
