namespace Sky.Supervisor.Tests;

/// <summary>
/// A clock that moves only when a test says so (the idea of Sky.Scheduler.Tests' FakeTimeProvider, reduced to what the
/// restart logic reads: the current time; it creates no timers).
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset now = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan delta) => now += delta;
}
