namespace Sky.Alerts.Tests;

/// <summary>
/// A clock that moves only when the test says so (the idea of tests/Sky.Scheduler.Tests/FakeTimeProvider, reduced to
/// what the alert decisions need: they read the time, they set no timers).
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset now = new(2026, 11, 22, 17, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan delta) => now += delta;
}
