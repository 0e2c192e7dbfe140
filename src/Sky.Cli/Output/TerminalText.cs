using System.Globalization;
using System.Text;

namespace Sky.Cli.Output;

/// <summary>
/// Makes a container's text safe to print: control characters and escape sequences (which could move the cursor,
/// rewrite the title or hide lines) become visible <c>\xNN</c> escapes. Tabs stay.
/// </summary>
public static class TerminalText
{
    public static string Neutralize(string text)
    {
        if (!text.Any(IsControl))
        {
            return text;
        }

        var safe = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (IsControl(c))
            {
                safe.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            }
            else
            {
                safe.Append(c);
            }
        }

        return safe.ToString();
    }

    private static bool IsControl(char c) => c != '\t' && (c < 0x20 || c is >= '\u007f' and <= '\u009f');
}
