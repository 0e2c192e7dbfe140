namespace Sky.Schedules;

/// <summary>The words that name days in the weekly forms: names, abbreviations, plurals, weekdays and weekends.</summary>
internal static class DayWords
{
    private static readonly DayOfWeek[] WorkDays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static readonly DayOfWeek[] WeekendDays = [DayOfWeek.Saturday, DayOfWeek.Sunday];

    private static readonly Dictionary<string, DayOfWeek[]> Words = Build();

    public static bool TryRead(string word, out DayOfWeek[] days) => Words.TryGetValue(word, out days!);

    private static Dictionary<string, DayOfWeek[]> Build()
    {
        var words = new Dictionary<string, DayOfWeek[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["weekday"] = WorkDays, ["weekdays"] = WorkDays,
            ["weekend"] = WeekendDays, ["weekends"] = WeekendDays,
            ["tues"] = [DayOfWeek.Tuesday], ["weds"] = [DayOfWeek.Wednesday],
            ["thur"] = [DayOfWeek.Thursday], ["thurs"] = [DayOfWeek.Thursday],
        };
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var name = day.ToString().ToLowerInvariant();
            words[name] = [day];
            words[name + "s"] = [day];
            words[name[..3]] = [day];
        }
        return words;
    }
}
