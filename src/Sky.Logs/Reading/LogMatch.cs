using System.Text;
using System.Text.RegularExpressions;

namespace Sky.Logs.Reading;

/// <summary>
/// What a line must contain: a piece of text (<c>--grep</c>, compared as UTF-8 bytes, so a search scans compressed
/// chunks without decoding every line), a regular expression (<c>--regex</c>), or both.
/// </summary>
public sealed class LogMatch
{
    private static readonly TimeSpan RegexBudget = TimeSpan.FromSeconds(1);

    private readonly byte[]? text;
    private readonly Regex? regex;

    private LogMatch(string? grep, Regex? regex)
    {
        text = string.IsNullOrEmpty(grep) ? null : Encoding.UTF8.GetBytes(grep);
        this.regex = regex;
    }

    /// <summary>Null when nothing is asked (every line matches).</summary>
    public static LogMatch? Create(string? grep, string? pattern, out string? error)
    {
        error = null;
        Regex? regex = null;
        if (!string.IsNullOrEmpty(pattern))
        {
            try
            {
                regex = new Regex(pattern, RegexOptions.CultureInvariant, RegexBudget);
            }
            catch (ArgumentException e)
            {
                error = $"regex '{pattern}' is not valid: {e.Message}";
                return null;
            }
        }

        return string.IsNullOrEmpty(grep) && regex is null ? null : new LogMatch(grep, regex);
    }

    public bool Matches(ReadOnlySpan<byte> line)
    {
        if (text is not null && line.IndexOf(text) < 0)
        {
            return false;
        }

        if (regex is null)
        {
            return true;
        }

        try
        {
            return regex.IsMatch(Encoding.UTF8.GetString(line));
        }
        catch (RegexMatchTimeoutException)
        {
            // A pattern too costly for this line: not a match, rather than a stuck search.
            return false;
        }
    }

    /// <summary>Whether a whole chunk can be skipped: it does not hold the text anywhere.</summary>
    public bool MayMatch(ReadOnlySpan<byte> chunk) => text is null || chunk.IndexOf(text) >= 0;
}
