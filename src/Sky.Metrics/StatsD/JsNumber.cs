using System.Globalization;

namespace Sky.Metrics.StatsD;

/// <summary>
/// JavaScript's <c>Number(text)</c>, which is how etsy statsd reads every value and sample rate: white space around
/// is ignored, empty text is 0, <c>Infinity</c>, <c>.5</c>, <c>5.</c>, <c>1e3</c> and <c>0x1f</c>, <c>0o17</c>,
/// <c>0b101</c> are numbers, anything else (<c>NaN</c>, <c>1_000</c>, <c>infinity</c>, <c>+0x1</c>) is NaN.
/// </summary>
internal static class JsNumber
{
    /// <summary>etsy's <c>isNumber</c>: the text is not empty and <c>Number()</c> does not make it NaN.</summary>
    public static bool IsNumber(ReadOnlySpan<char> text) => !text.IsEmpty && !double.IsNaN(Parse(text));

    public static double Parse(ReadOnlySpan<char> text)
    {
        text = JsWhiteSpace.Trim(text);
        if (text.IsEmpty)
        {
            return 0;
        }

        if (text.Length > 2 && text[0] == '0' && RadixOf(text[1]) is var radix and > 0)
        {
            return ParseInteger(text[2..], radix);
        }

        var unsigned = text[0] is '+' or '-' ? text[1..] : text;
        if (unsigned.SequenceEqual("Infinity"))
        {
            return text[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
        }

        // .NET's parser would also take "NaN", "∞", thousands of other spellings: the grammar is checked first, then
        // the digits are converted by .NET, which rounds correctly, as JavaScript does.
        return IsDecimalLiteral(unsigned) ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : double.NaN;
    }

    private static int RadixOf(char prefix) => prefix switch
    {
        'x' or 'X' => 16,
        'o' or 'O' => 8,
        'b' or 'B' => 2,
        _ => 0,
    };

    private static double ParseInteger(ReadOnlySpan<char> digits, int radix)
    {
        // Exact up to 2^53; beyond that the last bit may round differently from JavaScript (no client sends those).
        var value = 0.0;
        foreach (var c in digits)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => int.MaxValue,
            };
            if (digit >= radix)
            {
                return double.NaN;
            }

            value = (value * radix) + digit;
        }

        return value;
    }

    /// <summary>digits [. digits] or . digits, then an optional exponent: StrUnsignedDecimalLiteral.</summary>
    private static bool IsDecimalLiteral(ReadOnlySpan<char> text)
    {
        var i = 0;
        var integerDigits = CountDigits(text, ref i);
        var fractionDigits = 0;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            fractionDigits = CountDigits(text, ref i);
        }

        if (integerDigits + fractionDigits == 0)
        {
            return false;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            if (CountDigits(text, ref i) == 0)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    private static int CountDigits(ReadOnlySpan<char> text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i - start;
    }
}
