namespace Sky.Schedules;

/// <summary>
/// A schedule written in wall-clock terms (days and times of day in a zone): the daily, weekly and cron forms.
/// Subclasses say which days and times match; this class turns them into instants with the DST policy of
/// <see cref="LocalTimes"/>.
/// </summary>
internal abstract class LocalTimeSchedule : Schedule
{
    /// <summary>
    /// How far ahead to look before declaring there is no next tick. Long enough for any cron date that exists
    /// (29 February can be eight years away, across 2100) and for the longest day interval the grammar accepts.
    /// </summary>
    private const int HorizonDays = 366 * 12;

    protected LocalTimeSchedule(TimeZoneInfo zone) => Zone = zone;

    public TimeZoneInfo Zone { get; }

    /// <summary>True when times the clock repeats run twice and skipped times are skipped (Vixie cron's wildcard jobs).</summary>
    protected virtual bool RepeatsInOverlap => false;

    /// <summary>Whether the job runs on this local date.</summary>
    protected abstract bool RunsOn(DateOnly date);

    /// <summary>The local times of day the job runs at on a matching date, earliest first.</summary>
    protected abstract IEnumerable<TimeOnly> TimesOfDay { get; }

    public override DateTimeOffset? NextAfter(DateTimeOffset instant)
    {
        // Start a day early: a time resolved forward out of a gap, or a fall-back repeat, can land after the instant
        // although its wall-clock date is earlier than the instant's.
        var start = DateOnly.FromDateTime(LocalTimes.ToLocal(instant, Zone)).AddDays(-1);
        DateTimeOffset? best = null;
        DateOnly? stopAfter = null;
        for (var offset = 0; offset <= HorizonDays; offset++)
        {
            var date = start.AddDays(offset);
            // Year 9999 is left out: resolving its last hours would step past DateTimeOffset.MaxValue.
            if ((stopAfter is { } last && date > last) || date.Year >= 9999)
            {
                break;
            }
            if (!RunsOn(date))
            {
                continue;
            }
            foreach (var time in TimesOfDay)
            {
                foreach (var tick in LocalTimes.Resolve(date.ToDateTime(time), Zone, RepeatsInOverlap))
                {
                    if (tick > instant && (best is null || tick < best))
                    {
                        best = tick;
                        // Wall-clock order and instant order can only disagree around a DST change, which
                        // never spans more than a day: finishing the next day is enough to be sure.
                        stopAfter ??= date.AddDays(1);
                    }
                }
            }
        }
        return best;
    }

    /// <summary>The zone as it ends a description: " (Europe/Paris)".</summary>
    protected string ZoneSuffix => $" ({Zone.Id})";
}
