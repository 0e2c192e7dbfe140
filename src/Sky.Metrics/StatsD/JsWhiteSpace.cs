namespace Sky.Metrics.StatsD;

/// <summary>
/// The characters JavaScript counts as white space in <c>\s</c>, <c>trim()</c> and <c>Number()</c> (WhiteSpace and
/// LineTerminator of ECMA-262). etsy statsd cleans keys and reads numbers with those, so sky does too:
/// <see cref="char.IsWhiteSpace(char)"/> differs (it takes U+0085 and leaves out U+FEFF).
/// </summary>
internal static class JsWhiteSpace
{
    public static bool Is(char c) => c switch
    {
        ' ' or '\t' or '\n' or '\v' or '\f' or '\r' => true,
        < '\u00a0' => false,
        '\u00a0' or '\u1680' or (>= '\u2000' and <= '\u200a') or '\u2028' or '\u2029' or '\u202f' or '\u205f' or '\u3000' or '\ufeff' => true,
        _ => false,
    };

    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> text)
    {
        var start = 0;
        while (start < text.Length && Is(text[start]))
        {
            start++;
        }

        var end = text.Length;
        while (end > start && Is(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }
}
