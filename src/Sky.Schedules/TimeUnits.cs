namespace Sky.Schedules;

/// <summary>Spellings of <see cref="TimeUnit"/>, read and written.</summary>
internal static class TimeUnits
{
    /// <summary>Every spelling accepted after a count, singular, plural and abbreviated.</summary>
    private static readonly Dictionary<string, TimeUnit> Spellings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["s"] = TimeUnit.Second, ["sec"] = TimeUnit.Second, ["secs"] = TimeUnit.Second,
        ["second"] = TimeUnit.Second, ["seconds"] = TimeUnit.Second,
        ["m"] = TimeUnit.Minute, ["min"] = TimeUnit.Minute, ["mins"] = TimeUnit.Minute,
        ["minute"] = TimeUnit.Minute, ["minutes"] = TimeUnit.Minute,
        ["h"] = TimeUnit.Hour, ["hr"] = TimeUnit.Hour, ["hrs"] = TimeUnit.Hour,
        ["hour"] = TimeUnit.Hour, ["hours"] = TimeUnit.Hour,
        ["d"] = TimeUnit.Day, ["day"] = TimeUnit.Day, ["days"] = TimeUnit.Day,
    };

    public static bool TryRead(string word, out TimeUnit unit) => Spellings.TryGetValue(word, out unit);

    /// <summary>The largest count accepted per unit: ten years, which keeps every computation far from overflow.</summary>
    public static long MaxCount(TimeUnit unit) => unit switch
    {
        TimeUnit.Second => 3653L * 86400,
        TimeUnit.Minute => 3653L * 1440,
        TimeUnit.Hour => 3653L * 24,
        _ => 3653,
    };

    /// <summary>"minute", "15 minutes".</summary>
    public static string Describe(long count, TimeUnit unit)
    {
        var name = unit.ToString().ToLowerInvariant();
        return count == 1 ? name : $"{count} {name}s";
    }
}
