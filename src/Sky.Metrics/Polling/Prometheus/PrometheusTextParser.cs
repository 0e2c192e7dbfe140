using System.Diagnostics.CodeAnalysis;

namespace Sky.Metrics.Polling.Prometheus;

/// <summary>
/// Reads the Prometheus text exposition format, version 0.0.4 (what every client library serves on <c>/metrics</c>
/// unless asked for another): <c># HELP</c> and <c># TYPE</c> lines, other comments, sample lines and blank lines,
/// with <c>\n</c> or <c>\r\n</c> line ends. The whole answer is read or none of it: the first bad line makes the poll
/// a failure, said with its line number, rather than graphs that silently miss the series after it.
/// </summary>
public static class PrometheusTextParser
{
    // Go's parser reads the type in any case; sky does the same, so that what Prometheus accepts, sky accepts.
    private static readonly Dictionary<string, PrometheusMetricType> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["counter"] = PrometheusMetricType.Counter,
        ["gauge"] = PrometheusMetricType.Gauge,
        ["histogram"] = PrometheusMetricType.Histogram,
        ["summary"] = PrometheusMetricType.Summary,
        ["untyped"] = PrometheusMetricType.Untyped,
    };

    public static bool TryParse(
        string text,
        [NotNullWhen(true)] out PrometheusExposition? exposition,
        [NotNullWhen(false)] out PrometheusSyntaxError? error)
    {
        var families = new PrometheusFamilies();
        var lineNumber = 0;
        var remaining = text.AsSpan().TrimStart('\uFEFF');
        try
        {
            while (remaining.Length > 0)
            {
                lineNumber++;
                var end = remaining.IndexOf('\n');
                var line = end < 0 ? remaining : remaining[..end];
                remaining = end < 0 ? [] : remaining[(end + 1)..];
                ReadLine(line.TrimEnd('\r'), families);
            }
        }
        catch (PrometheusSyntaxException e)
        {
            exposition = null;
            error = new PrometheusSyntaxError(lineNumber, e.Message);
            return false;
        }

        exposition = families.Build();
        error = null;
        return true;
    }

    private static void ReadLine(ReadOnlySpan<char> line, PrometheusFamilies families)
    {
        var content = line.TrimStart(" \t");
        if (content.IsEmpty)
        {
            return;
        }

        if (content[0] == '#')
        {
            ReadComment(content[1..], families);
        }
        else
        {
            families.Add(PrometheusSampleLine.Read(content));
        }
    }

    // A comment is HELP, TYPE or free text; free text is ignored, whatever it says.
    private static void ReadComment(ReadOnlySpan<char> comment, PrometheusFamilies families)
    {
        var cursor = new PrometheusLineCursor(comment);
        cursor.SkipBlanks();
        var keyword = cursor.ReadWord();
        if (keyword is not ("HELP" or "TYPE"))
        {
            return;
        }

        cursor.SkipBlanks();
        var name = cursor.ReadMetricName();
        if (name.Length == 0 || !(cursor.AtEnd || cursor.AtBlank))
        {
            throw new PrometheusSyntaxException($"a {keyword} line needs a metric name, found {cursor.Found}");
        }

        cursor.SkipBlanks();
        if (keyword == "HELP")
        {
            families.Help(name, cursor.ReadHelpText());
            return;
        }

        var typeText = cursor.ReadWord();
        if (!Types.TryGetValue(typeText, out var type))
        {
            throw new PrometheusSyntaxException(
                typeText.Length == 0
                    ? $"the TYPE line for '{name}' has no type (counter, gauge, histogram, summary or untyped)"
                    : $"unknown type '{typeText}' for '{name}' (counter, gauge, histogram, summary or untyped)");
        }

        cursor.SkipBlanks();
        if (!cursor.AtEnd)
        {
            throw new PrometheusSyntaxException($"unexpected {cursor.Found} after the type of '{name}'");
        }

        families.Type(name, type);
    }
}
