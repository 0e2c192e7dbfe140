namespace Sky.Schedules;

/// <summary>
/// Every N seconds, minutes or hours, counted from the Unix epoch in UTC, so the ticks are the same whenever the
/// daemon starts (every 15 minutes is always :00, :15, :30, :45) and DST changes nothing.
/// </summary>
internal sealed class IntervalSchedule : Schedule
{
    private readonly long periodTicks;

    public IntervalSchedule(int count, TimeUnit unit)
    {
        Count = count;
        Unit = unit;
        Period = unit switch
        {
            TimeUnit.Second => TimeSpan.FromSeconds(count),
            TimeUnit.Minute => TimeSpan.FromMinutes(count),
            TimeUnit.Hour => TimeSpan.FromHours(count),
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "days are wall-clock schedules"),
        };
        periodTicks = Period.Ticks;
    }

    public int Count { get; }

    public TimeUnit Unit { get; }

    public TimeSpan Period { get; }

    public override DateTimeOffset? NextAfter(DateTimeOffset instant)
    {
        var sinceEpoch = instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        // Floor division, so instants before 1970 align the same way.
        var periods = Math.DivRem(sinceEpoch, periodTicks, out var remainder);
        if (remainder < 0)
        {
            periods--;
        }
        var next = (periods + 1) * periodTicks + DateTimeOffset.UnixEpoch.UtcTicks;
        return next > DateTimeOffset.MaxValue.UtcTicks ? null : new DateTimeOffset(next, TimeSpan.Zero);
    }

    public override string Description => $"every {TimeUnits.Describe(Count, Unit)}";
}
