using System.Text;

namespace Sky.Metrics.Polling.Prometheus;

/// <summary>Reads the tokens of one line left to right: names, quoted label values, blank-separated words.</summary>
internal ref struct PrometheusLineCursor
{
    private readonly ReadOnlySpan<char> line;
    private int position;

    public PrometheusLineCursor(ReadOnlySpan<char> line)
    {
        this.line = line;
    }

    public readonly bool AtEnd => position >= line.Length;

    public readonly bool AtBlank => !AtEnd && line[position] is ' ' or '\t';

    /// <summary>What comes next, for error messages: <c>'x'</c>, or "the end of the line".</summary>
    public readonly string Found => AtEnd ? "the end of the line" : $"'{line[position]}'";

    /// <summary>Skips spaces and tabs; true when there was at least one.</summary>
    public bool SkipBlanks()
    {
        var start = position;
        while (AtBlank)
        {
            position++;
        }

        return position > start;
    }

    public bool TrySkip(char expected)
    {
        if (AtEnd || line[position] != expected)
        {
            return false;
        }

        position++;
        return true;
    }

    /// <summary><c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>, or "" when the next character cannot start a metric name.</summary>
    public string ReadMetricName() => ReadName(allowColon: true);

    /// <summary><c>[a-zA-Z_][a-zA-Z0-9_]*</c>, or "" when the next character cannot start a label name.</summary>
    public string ReadLabelName() => ReadName(allowColon: false);

    /// <summary>Everything up to the next blank or the end of the line.</summary>
    public string ReadWord()
    {
        var start = position;
        while (!AtEnd && !AtBlank)
        {
            position++;
        }

        return line[start..position].ToString();
    }

    /// <summary>Reads a label value after its opening quote, up to and past the closing one.</summary>
    public string ReadQuoted(string label)
    {
        var value = new StringBuilder();
        while (!AtEnd)
        {
            var character = line[position++];
            if (character == '"')
            {
                return value.ToString();
            }

            value.Append(character == '\\' ? Escaped($"the value of label '{label}'", "\\\\, \\\" and \\n") : character);
        }

        throw new PrometheusSyntaxException($"the value of label '{label}' has no closing '\"'");
    }

    /// <summary>The rest of the line as a HELP text: <c>\\</c> and <c>\n</c> are its only escapes.</summary>
    public string ReadHelpText()
    {
        var text = new StringBuilder();
        while (!AtEnd)
        {
            var character = line[position++];
            text.Append(character == '\\' ? Escaped("the HELP text", "\\\\ and \\n") : character);
        }

        return text.ToString();
    }

    private char Escaped(string where, string allowed)
    {
        if (AtEnd)
        {
            throw new PrometheusSyntaxException($"{where} ends in a lone '\\'");
        }

        var escaped = line[position++];
        return escaped switch
        {
            '\\' => '\\',
            'n' => '\n',
            '"' when allowed.Contains('"', StringComparison.Ordinal) => '"',
            _ => throw new PrometheusSyntaxException($"'\\{escaped}' in {where} is no escape of the format (only {allowed})"),
        };
    }

    private string ReadName(bool allowColon)
    {
        var start = position;
        while (!AtEnd && IsNameCharacter(line[position], first: position == start, allowColon))
        {
            position++;
        }

        return line[start..position].ToString();
    }

    private static bool IsNameCharacter(char character, bool first, bool allowColon) =>
        char.IsAsciiLetter(character) || character == '_' || (allowColon && character == ':') || (!first && char.IsAsciiDigit(character));
}
