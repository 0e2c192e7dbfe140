namespace Sky.Scheduler.Tests;

public class FakeTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_clock_stands_still_until_advanced()
    {
        var clock = new FakeTimeProvider(Start);
        Assert.Equal(Start, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(90));
        Assert.Equal(Start.AddMinutes(90), clock.GetUtcNow());
        clock.SetUtcNow(Start.AddDays(1));
        Assert.Equal(Start.AddDays(1), clock.GetUtcNow());
    }

    [Fact]
    public void The_clock_refuses_to_go_back()
    {
        var clock = new FakeTimeProvider(Start);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.SetUtcNow(Start.AddSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void Elapsed_time_follows_the_fake_clock()
    {
        var clock = new FakeTimeProvider(Start);
        var before = clock.GetTimestamp();
        clock.Advance(TimeSpan.FromSeconds(42));
        Assert.Equal(TimeSpan.FromSeconds(42), clock.GetElapsedTime(before));
    }

    [Fact]
    public void A_timer_fires_once_the_clock_reaches_its_due_time_and_sees_that_time()
    {
        var clock = new FakeTimeProvider(Start);
        var seen = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(_ => seen.Add(clock.GetUtcNow()), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Empty(seen);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal([Start.AddSeconds(10)], seen);
        Assert.Equal(Start.AddSeconds(14), clock.GetUtcNow());
    }

    [Fact]
    public void A_periodic_timer_fires_once_per_period_passed_in_one_advance()
    {
        var clock = new FakeTimeProvider(Start);
        var seen = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(_ => seen.Add(clock.GetUtcNow()), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromMinutes(3.5));
        Assert.Equal([Start.AddMinutes(1), Start.AddMinutes(2), Start.AddMinutes(3)], seen);
    }

    [Fact]
    public void Timers_due_together_fire_in_the_order_they_were_created()
    {
        var clock = new FakeTimeProvider(Start);
        var order = new List<string>();
        using var first = clock.CreateTimer(_ => order.Add("first"), null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        using var second = clock.CreateTimer(_ => order.Add("second"), null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => order.Add("early"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(["early", "first", "second"], order);
    }

    [Fact]
    public void A_disposed_or_disarmed_timer_does_not_fire()
    {
        var clock = new FakeTimeProvider(Start);
        var fired = 0;
        var disposed = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var disarmed = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        disposed.Dispose();
        Assert.True(disarmed.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        Assert.Equal(0, clock.ArmedTimerCount);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, fired);
        Assert.False(disposed.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public async Task Task_delay_on_the_fake_clock_completes_when_the_clock_is_advanced()
    {
        var clock = new FakeTimeProvider(Start);
        var delay = Task.Delay(TimeSpan.FromMinutes(5), clock);
        Assert.False(delay.IsCompleted);
        Assert.Equal(1, clock.ArmedTimerCount);
        clock.Advance(TimeSpan.FromMinutes(5));
        // The timer fires on this thread inside Advance, so the delay is over before Advance returns.
        Assert.True(delay.IsCompletedSuccessfully);
        await delay;
    }

    [Fact]
    public void The_local_time_zone_is_utc_unless_set()
    {
        var clock = new FakeTimeProvider(Start);
        Assert.Equal(TimeZoneInfo.Utc, clock.LocalTimeZone);
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        clock.SetLocalTimeZone(paris);
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 14, 0, 0, TimeSpan.FromHours(2)), clock.GetLocalNow());
    }
}
