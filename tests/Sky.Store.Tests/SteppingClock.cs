namespace Sky.Store.Tests;

/// <summary>A clock that moves only when told, for the time columns.</summary>
public sealed class SteppingClock : TimeProvider
{
    private DateTimeOffset now = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now;

    public DateTimeOffset Step(TimeSpan span) => now += span;
}
