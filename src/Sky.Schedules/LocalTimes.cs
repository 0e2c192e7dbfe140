namespace Sky.Schedules;

/// <summary>
/// Turns a wall-clock time in a zone into the instants at which a job set for it runs, following the DST
/// rules cron users expect. Kept apart from the schedules so every wall-clock form shares one policy.
/// </summary>
internal static class LocalTimes
{
    /// <summary>
    /// The instants at which a job set for <paramref name="local"/> runs, earliest first.
    /// A fixed-time job (<paramref name="repeatsInOverlap"/> false) runs once in every case: in a spring-forward gap
    /// at the first instant after the gap (the job was due, the clock jumped over it), and at the first of the two
    /// occurrences of a fall-back time (running it twice would surprise whoever set "at 02:30").
    /// A wildcard cron job (hour or minute field '*', as Vixie cron defines it) keeps its rhythm instead: times
    /// the clock skips are skipped, and times that happen twice run twice, so `*/15 * * * *` never pauses for an hour.
    /// </summary>
    public static IEnumerable<DateTimeOffset> Resolve(DateTime local, TimeZoneInfo zone, bool repeatsInOverlap)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var occurrences = Occurrences(local, zone);
        if (occurrences.Count == 0)
        {
            if (!repeatsInOverlap)
            {
                yield return EndOfGap(local, zone);
            }
            yield break;
        }
        yield return occurrences[0];
        if (repeatsInOverlap)
        {
            foreach (var later in occurrences.Skip(1))
            {
                yield return later;
            }
        }
    }

    /// <summary>The wall-clock time in <paramref name="zone"/> at <paramref name="instant"/>.</summary>
    public static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified);

    /// <summary>
    /// Every instant whose wall-clock time is <paramref name="local"/>, earliest first: none in a gap, two in an overlap.
    /// Worked out from instants rather than with IsInvalidTime/IsAmbiguousTime, which only know DST rules and miss
    /// changes of standard offset (Samoa skipped 30 December 2011; .NET calls that day valid).
    /// Any such instant lies within 15 hours of the local time read as UTC, as no offset exceeds 14 hours, and no
    /// zone changes offset twice within that window, so the offsets at its two ends are all the candidates.
    /// </summary>
    private static List<DateTimeOffset> Occurrences(DateTime local, TimeZoneInfo zone)
    {
        var asUtc = new DateTimeOffset(local, TimeSpan.Zero);
        var window = TimeSpan.FromHours(15);
        var occurrences = new List<DateTimeOffset>(2);
        foreach (var offset in new[] { zone.GetUtcOffset(asUtc - window), zone.GetUtcOffset(asUtc + window) }.Distinct())
        {
            var candidate = new DateTimeOffset(local, offset);
            if (zone.GetUtcOffset(candidate) == offset)
            {
                occurrences.Add(candidate);
            }
        }
        occurrences.Sort();
        return occurrences;
    }

    /// <summary>
    /// The first instant whose wall-clock time is past the nonexistent <paramref name="local"/>: the transition itself.
    /// Found by bisection on whole seconds, because adjustment rules differ between platforms and zones while
    /// "what time is it there at instant X" is always answered correctly.
    /// </summary>
    private static DateTimeOffset EndOfGap(DateTime local, TimeZoneInfo zone)
    {
        var asUtc = new DateTimeOffset(local, TimeSpan.Zero);
        var high = asUtc - zone.BaseUtcOffset;
        while (ToLocal(high, zone) <= local)
        {
            high = high.AddHours(1);
        }
        var low = high.AddHours(-1);
        while (ToLocal(low, zone) > local)
        {
            low = low.AddHours(-1);
        }
        // Invariant: local(low) <= local < local(high); transitions fall on whole seconds.
        while ((high - low) > TimeSpan.FromSeconds(1))
        {
            var middle = low + TimeSpan.FromSeconds(Math.Floor((high - low).TotalSeconds / 2));
            if (ToLocal(middle, zone) > local)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }
        return high.ToOffset(zone.GetUtcOffset(high));
    }
}
