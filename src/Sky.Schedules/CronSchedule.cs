namespace Sky.Schedules;

/// <summary>
/// A five-field cron expression (minute hour day-of-month month day-of-week) evaluated in a zone, with Vixie cron's
/// rules: when both day fields are restricted a day matches either; when one starts with '*' both must match.
/// </summary>
internal sealed class CronSchedule : LocalTimeSchedule
{
    private readonly CronField minutes;
    private readonly CronField hours;
    private readonly CronField daysOfMonth;
    private readonly CronField months;
    private readonly CronField daysOfWeek;
    private readonly TimeOnly[] times;

    public CronSchedule(
        string expression, TimeZoneInfo zone,
        CronField minutes, CronField hours, CronField daysOfMonth, CronField months, CronField daysOfWeek)
        : base(zone)
    {
        Expression = expression;
        this.minutes = minutes;
        this.hours = hours;
        this.daysOfMonth = daysOfMonth;
        this.months = months;
        this.daysOfWeek = daysOfWeek;
        times = [.. hours.Values(0, 23).SelectMany(hour => minutes.Values(0, 59).Select(minute => new TimeOnly(hour, minute)))];
    }

    /// <summary>The expression as written, with its spaces normalised.</summary>
    public string Expression { get; }

    /// <summary>Vixie cron's "wildcard job": minute or hour written with '*' runs by the clock through DST changes.</summary>
    protected override bool RepeatsInOverlap => minutes.Star || hours.Star;

    protected override IEnumerable<TimeOnly> TimesOfDay => times;

    protected override bool RunsOn(DateOnly date)
    {
        if (!months.Contains(date.Month))
        {
            return false;
        }
        var dayOfMonth = daysOfMonth.Contains(date.Day);
        var dayOfWeek = daysOfWeek.Contains((int)date.DayOfWeek);
        return daysOfMonth.Star || daysOfWeek.Star ? dayOfMonth && dayOfWeek : dayOfMonth || dayOfWeek;
    }

    /// <summary>
    /// False when no date can ever match, such as "0 0 30 2 *": only possible when day-of-week does not widen the
    /// choice, and then only when every named day is past the end of every named month (February counted as 29).
    /// </summary>
    public bool CanEverRun()
    {
        if (daysOfMonth.Star || !daysOfWeek.Star)
        {
            return true;
        }
        return months.Values(1, 12).Any(month => daysOfMonth.Values(1, DateTime.DaysInMonth(2000, month)).Any());
    }

    public override string Description => $"cron {Expression}{ZoneSuffix}";
}
