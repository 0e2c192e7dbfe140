namespace Sky.Scheduler.Tests;

/// <summary>
/// A timer of <see cref="FakeTimeProvider"/>: it only records when it is due; the provider fires it as the fake
/// clock passes that instant. A due time of zero fires on the next Advance (even by zero), never inside
/// CreateTimer, because code such as Task.Delay must get the timer back before its callback can run.
/// </summary>
internal sealed class FakeTimeProviderTimer : ITimer
{
    private readonly FakeTimeProvider provider;
    private readonly TimerCallback callback;
    private readonly object? state;
    private TimeSpan period = Timeout.InfiniteTimeSpan;
    private bool disposed;

    public FakeTimeProviderTimer(FakeTimeProvider provider, TimerCallback callback, object? state, long order)
    {
        this.provider = provider;
        this.callback = callback;
        this.state = state;
        Order = order;
    }

    /// <summary>Creation order, so timers due at the same instant fire in the order they were made.</summary>
    public long Order { get; }

    /// <summary>When the timer fires next; null when disarmed.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, Timeout.InfiniteTimeSpan);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, Timeout.InfiniteTimeSpan);
        lock (provider.Gate)
        {
            if (disposed)
            {
                return false;
            }
            this.period = period;
            DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : Add(provider.NowUnlocked, dueTime);
            return true;
        }
    }

    /// <summary>Called by the provider, under its lock, as the timer fires at <paramref name="now"/>.</summary>
    public void Reschedule(DateTimeOffset now) =>
        DueAt = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : Add(now, period);

    public void Fire() => callback(state);

    public void Dispose()
    {
        lock (provider.Gate)
        {
            disposed = true;
            DueAt = null;
        }
        provider.Remove(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static DateTimeOffset Add(DateTimeOffset instant, TimeSpan delta) =>
        DateTimeOffset.MaxValue - instant < delta ? DateTimeOffset.MaxValue : instant + delta;
}
