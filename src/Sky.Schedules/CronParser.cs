using System.Globalization;

namespace Sky.Schedules;

/// <summary>
/// Reads five-field cron expressions. Written here rather than delegated to NCrontab so that each mistake is
/// reported in sky's words with the field it is in, and so the schedule knows which fields were written with '*',
/// which the day-of-month/day-of-week rule and the DST policy both depend on.
/// </summary>
internal static class CronParser
{
    private static readonly string[] FieldNames = ["minute", "hour", "day-of-month", "month", "day-of-week"];
    private static readonly int[] Minimums = [0, 0, 1, 1, 0];
    private static readonly int[] Maximums = [59, 23, 31, 12, 7];

    private static readonly string[] MonthNames =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <summary>The shorthands Vixie cron accepts, as the five fields they stand for.</summary>
    private static readonly Dictionary<string, string> Macros = new(StringComparer.OrdinalIgnoreCase)
    {
        ["@hourly"] = "0 * * * *",
        ["@daily"] = "0 0 * * *",
        ["@midnight"] = "0 0 * * *",
        ["@weekly"] = "0 0 * * 0",
        ["@monthly"] = "0 0 1 * *",
        ["@yearly"] = "0 0 1 1 *",
        ["@annually"] = "0 0 1 1 *",
    };

    /// <summary>
    /// True when the words are meant as cron rather than as a phrase: a macro, a '*' or '?' anywhere, or a first and
    /// second word made of cron characters only ("15 minutes" and "5pm" are phrases; "*/5 * * * *" and "0 9 1 1 mon"
    /// are cron), so that a mistaken cron expression gets a cron error rather than "unknown unit".
    /// </summary>
    public static bool LooksLikeCron(string[] words) =>
        words.Length > 0 && (words[0].StartsWith('@')
            || words.Any(word => word.Contains('*', StringComparison.Ordinal) || word.Contains('?', StringComparison.Ordinal))
            || (words.Length > 1 && IsCronish(words[0]) && IsCronish(words[1])));

    public static bool TryParse(string text, string[] words, TimeZoneInfo zone, out Schedule? schedule, out string? error)
    {
        schedule = null;
        var expression = string.Join(' ', words);
        if (words.Length == 1 && words[0].StartsWith('@'))
        {
            if (!Macros.TryGetValue(words[0], out var fields))
            {
                error = $"'{text}' is not a cron shorthand (use @hourly, @daily, @weekly, @monthly or @yearly)";
                return false;
            }
            words = fields.Split(' ');
            expression = expression.ToLowerInvariant();
        }
        if (words.Length != 5)
        {
            error = $"'{text}' has {words.Length} field{(words.Length == 1 ? "" : "s")}; a cron expression has 5 " +
                "(minute hour day-of-month month day-of-week)";
            return false;
        }
        var parsed = new CronField[5];
        for (var index = 0; index < 5; index++)
        {
            if (!TryParseField(words[index], index, out var field, out var reason))
            {
                error = $"'{text}' has an invalid {FieldNames[index]} field '{words[index]}': {reason}";
                return false;
            }
            parsed[index] = field;
        }
        var cron = new CronSchedule(expression, zone, parsed[0], parsed[1], parsed[2], parsed[3], parsed[4]);
        if (!cron.CanEverRun())
        {
            error = $"'{text}' never runs: none of its months has the day of the month it names";
            return false;
        }
        schedule = cron;
        error = null;
        return true;
    }

    private static bool IsCronish(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiDigit(c) || c is '*' or '?' or '/' or ',' or '-');

    private static bool TryParseField(string text, int index, out CronField field, out string reason)
    {
        field = new CronField(0, false);
        int min = Minimums[index], max = Maximums[index];
        ulong bits = 0;
        foreach (var item in text.Split(','))
        {
            if (item.Length == 0)
            {
                reason = "it has an empty list item";
                return false;
            }
            var slash = item.IndexOf('/', StringComparison.Ordinal);
            var range = slash < 0 ? item : item[..slash];
            var step = 1;
            if (slash >= 0 && (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1))
            {
                reason = $"the step '{item[(slash + 1)..]}' must be a whole number of at least 1";
                return false;
            }
            int low, high;
            if (range is "*" or "?")
            {
                if (range == "?" && index is not (2 or 4))
                {
                    reason = "'?' is only allowed in the day fields";
                    return false;
                }
                (low, high) = (min, index == 4 ? 6 : max);
            }
            else
            {
                var dash = range.IndexOf('-', StringComparison.Ordinal);
                var first = dash < 0 ? range : range[..dash];
                if (!TryValue(first, index, out low, out reason))
                {
                    return false;
                }
                high = low;
                if (dash >= 0)
                {
                    if (!TryValue(range[(dash + 1)..], index, out high, out reason))
                    {
                        return false;
                    }
                    if (high < low)
                    {
                        reason = $"the range {range} runs backwards";
                        return false;
                    }
                }
                else if (slash >= 0)
                {
                    // "5/15" means from 5 to the end in steps of 15, as in Vixie cron.
                    high = index == 4 ? 6 : max;
                }
            }
            for (var value = low; value <= high; value += step)
            {
                // Sunday is both 0 and 7 in the day-of-week field.
                bits |= 1UL << (index == 4 && value == 7 ? 0 : value);
            }
        }
        field = new CronField(bits, text.StartsWith('*') || text.StartsWith('?'));
        reason = "";
        return true;
    }

    private static bool TryValue(string text, int index, out int value, out string reason)
    {
        int min = Minimums[index], max = Maximums[index];
        reason = "";
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            if (value < min || value > max)
            {
                reason = $"{value} is outside {min}-{max}";
                return false;
            }
            return true;
        }
        var names = index switch { 3 => MonthNames, 4 => DayNames, _ => null };
        var found = names is null ? -1 : Array.IndexOf(names, text.ToLowerInvariant());
        if (found < 0)
        {
            reason = names is null
                ? $"'{text}' is not a number"
                : $"'{text}' is not a number or a name such as {(index == 3 ? "jan" : "mon")}";
            return false;
        }
        value = index == 3 ? found + 1 : found;
        return true;
    }
}
