using System.Globalization;

namespace Sky.Metrics.Polling.Prometheus;

/// <summary>
/// Reads one sample line: <c>name{label="value",...} value [timestamp]</c>, with blanks allowed between the parts and
/// a comma allowed before the closing brace, as the Go clients' own parser allows them.
/// </summary>
internal static class PrometheusSampleLine
{
    public static PrometheusSample Read(ReadOnlySpan<char> line)
    {
        var cursor = new PrometheusLineCursor(line);
        cursor.SkipBlanks();
        var name = cursor.ReadMetricName();
        if (name.Length == 0)
        {
            throw new PrometheusSyntaxException($"expected a metric name, found {cursor.Found}");
        }

        var blankAfterName = cursor.SkipBlanks();
        IReadOnlyList<PrometheusLabel> labels = [];
        if (cursor.TrySkip('{'))
        {
            labels = ReadLabels(ref cursor);
            cursor.SkipBlanks();
        }
        else if (!blankAfterName && !cursor.AtEnd)
        {
            throw new PrometheusSyntaxException($"expected '{{' or a space after the name '{name}', found {cursor.Found}");
        }

        var valueText = cursor.ReadWord();
        if (valueText.Length == 0)
        {
            throw new PrometheusSyntaxException($"'{name}' has no value");
        }

        if (!PrometheusNumber.TryParse(valueText, out var value))
        {
            throw new PrometheusSyntaxException($"the value '{valueText}' of '{name}' is not a number (a decimal, NaN, +Inf or -Inf)");
        }

        cursor.SkipBlanks();
        var timestampText = cursor.ReadWord();
        long? timestamp = null;
        if (timestampText.Length > 0)
        {
            if (!long.TryParse(timestampText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var milliseconds))
            {
                throw new PrometheusSyntaxException($"the timestamp '{timestampText}' of '{name}' is not whole milliseconds since 1970");
            }

            timestamp = milliseconds;
        }

        cursor.SkipBlanks();
        if (!cursor.AtEnd)
        {
            throw new PrometheusSyntaxException($"unexpected {cursor.Found} after the timestamp of '{name}'");
        }

        return new PrometheusSample(name, labels, value, timestamp);
    }

    // After the opening brace, up to and past the closing one.
    private static List<PrometheusLabel> ReadLabels(ref PrometheusLineCursor cursor)
    {
        var labels = new List<PrometheusLabel>();
        while (true)
        {
            cursor.SkipBlanks();
            if (cursor.TrySkip('}'))
            {
                return labels;
            }

            var label = cursor.ReadLabelName();
            if (label.Length == 0)
            {
                throw new PrometheusSyntaxException($"expected a label name or '}}', found {cursor.Found}");
            }

            cursor.SkipBlanks();
            if (!cursor.TrySkip('='))
            {
                throw new PrometheusSyntaxException($"expected '=' after the label name '{label}', found {cursor.Found}");
            }

            cursor.SkipBlanks();
            if (!cursor.TrySkip('"'))
            {
                throw new PrometheusSyntaxException($"expected '\"' to open the value of label '{label}', found {cursor.Found}");
            }

            var value = cursor.ReadQuoted(label);
            if (labels.Exists(existing => existing.Name == label))
            {
                throw new PrometheusSyntaxException($"label '{label}' appears twice");
            }

            labels.Add(new PrometheusLabel(label, value));
            cursor.SkipBlanks();
            if (cursor.TrySkip('}'))
            {
                return labels;
            }

            if (!cursor.TrySkip(','))
            {
                throw new PrometheusSyntaxException($"expected ',' or '}}' after the value of label '{label}', found {cursor.Found}");
            }
        }
    }
}
