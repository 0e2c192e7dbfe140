using System.Text;

namespace Sky.Metrics.Polling;

/// <summary>
/// Makes one part of a dotted metric name out of text an application chose (an expvar key, a Prometheus label value):
/// letters, digits, <c>_</c> and <c>-</c> stay, anything else becomes <c>_</c>. A dot would split the part in two, a
/// slash or a space would break Graphite's file layout or its line protocol, and alert rules read names as words.
/// </summary>
internal static class NameSegment
{
    public static string Sanitise(string text)
    {
        if (text.Length == 0)
        {
            return "_";
        }

        if (IsClean(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        // By rune, so that a character outside the BMP (two UTF-16 units) becomes one _ rather than two.
        foreach (var rune in text.EnumerateRunes())
        {
            builder.Append(rune.IsAscii && IsKept((char)rune.Value) ? (char)rune.Value : '_');
        }

        return builder.ToString();
    }

    private static bool IsClean(string text)
    {
        foreach (var character in text)
        {
            if (!IsKept(character))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsKept(char character) => char.IsAsciiLetterOrDigit(character) || character is '_' or '-';
}
