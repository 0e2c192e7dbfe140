namespace Sky.Scheduler.Tests;

/// <summary>
/// A clock that moves only when a test says so, for testing code that takes a <see cref="TimeProvider"/>
/// (Microsoft.Extensions.TimeProvider.Testing is not available here). Timers created through it, including those
/// behind <c>Task.Delay(delay, provider)</c> and <c>PeriodicTimer</c>, fire synchronously on the thread that calls
/// <see cref="Advance"/> or <see cref="SetUtcNow"/>, in due order, with the clock set to each one's due time, so a
/// test sees exactly the interleaving it asked for.
/// </summary>
public sealed class FakeTimeProvider : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<FakeTimeProviderTimer> timers = [];
    private DateTimeOffset now;
    private TimeZoneInfo localTimeZone = TimeZoneInfo.Utc;
    private long sequence;

    /// <summary>Starts at a fixed instant (2000-01-01 UTC) so that no test depends on the real date.</summary>
    public FakeTimeProvider()
        : this(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public FakeTimeProvider(DateTimeOffset start) => now = start.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone
    {
        get
        {
            lock (gate)
            {
                return localTimeZone;
            }
        }
    }

    /// <summary>Timestamps tick in 100 ns units of the fake clock, so elapsed-time measurements follow it too.</summary>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public void SetLocalTimeZone(TimeZoneInfo zone)
    {
        lock (gate)
        {
            localTimeZone = zone;
        }
    }

    /// <summary>Moves the clock forward by <paramref name="delta"/>, firing every timer that falls due on the way.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        SetUtcNow(GetUtcNow() + delta);
    }

    /// <summary>
    /// Moves the clock forward to <paramref name="value"/>, firing every timer that falls due on the way.
    /// Going back is refused: monotonic timestamps and due timers would stop making sense.
    /// </summary>
    public void SetUtcNow(DateTimeOffset value)
    {
        value = value.ToUniversalTime();
        lock (gate)
        {
            if (value < now)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"the fake clock is at {now:O} and never goes back");
            }
        }
        while (true)
        {
            FakeTimeProviderTimer? due;
            lock (gate)
            {
                due = timers.Where(timer => timer.DueAt is { } at && at <= value)
                    .OrderBy(timer => timer.DueAt).ThenBy(timer => timer.Order).FirstOrDefault();
                if (due is null)
                {
                    now = value;
                    return;
                }
                now = due.DueAt!.Value;
                due.Reschedule(now);
            }
            // Outside the lock: the callback may read the clock, create timers or change this one.
            due.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (gate)
        {
            var timer = new FakeTimeProviderTimer(this, callback, state, ++sequence);
            timers.Add(timer);
            timer.Change(dueTime, period);
            return timer;
        }
    }

    /// <summary>How many timers are armed: lets a test wait until the code under test has started waiting.</summary>
    public int ArmedTimerCount
    {
        get
        {
            lock (gate)
            {
                return timers.Count(timer => timer.DueAt is not null);
            }
        }
    }

    internal Lock Gate => gate;

    internal DateTimeOffset NowUnlocked => now;

    internal void Remove(FakeTimeProviderTimer timer)
    {
        lock (gate)
        {
            timers.Remove(timer);
        }
    }
}
