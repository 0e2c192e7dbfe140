namespace Sky.Schedules;

/// <summary>The units of the interval forms ("15 minutes").</summary>
internal enum TimeUnit
{
    Second,
    Minute,
    Hour,
    Day,
}
