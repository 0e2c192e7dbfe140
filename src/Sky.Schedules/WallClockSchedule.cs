namespace Sky.Schedules;

/// <summary>
/// Once a day at a wall-clock time, on the chosen weekdays ("monday at 09:30", "weekdays at 08:00") or every
/// N days ("1 day at 17:00", "3 days"). Day intervals count whole local days from 1970-01-01, so "every 3 days"
/// falls on the same dates whenever the daemon starts.
/// </summary>
internal sealed class WallClockSchedule : LocalTimeSchedule
{
    private static readonly DateOnly LocalEpoch = new(1970, 1, 1);

    private static readonly DayOfWeek[] MondayFirst =
    [
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday,
        DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday,
    ];

    private readonly TimeOnly[] times;

    public WallClockSchedule(TimeZoneInfo zone, int everyDays, IReadOnlySet<DayOfWeek> days, TimeOnly time)
        : base(zone)
    {
        EveryDays = everyDays;
        Days = days;
        Time = time;
        times = [time];
    }

    public int EveryDays { get; }

    public IReadOnlySet<DayOfWeek> Days { get; }

    public TimeOnly Time { get; }

    protected override IEnumerable<TimeOnly> TimesOfDay => times;

    protected override bool RunsOn(DateOnly date) =>
        Days.Contains(date.DayOfWeek) && (EveryDays == 1 || Mod(date.DayNumber - LocalEpoch.DayNumber, EveryDays) == 0);

    public override string Description => $"every {DescribeDays()} at {Time:HH\\:mm}{ZoneSuffix}";

    private string DescribeDays()
    {
        if (Days.Count == 7)
        {
            return EveryDays == 1 ? "day" : $"{EveryDays} days";
        }
        if (Days.Count == 5 && !Days.Contains(DayOfWeek.Saturday) && !Days.Contains(DayOfWeek.Sunday))
        {
            return "weekday";
        }
        if (Days.Count == 2 && Days.Contains(DayOfWeek.Saturday) && Days.Contains(DayOfWeek.Sunday))
        {
            return "weekend day";
        }
        var names = MondayFirst.Where(Days.Contains).Select(day => day.ToString().ToLowerInvariant()).ToArray();
        return names.Length == 1 ? names[0] : $"{string.Join(", ", names[..^1])} and {names[^1]}";
    }

    private static int Mod(int value, int divisor) => ((value % divisor) + divisor) % divisor;
}
