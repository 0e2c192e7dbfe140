using System.Globalization;
using System.Text.RegularExpressions;

namespace Sky.Configuration.Values;

/// <summary>Memory sizes: <c>512m</c>, <c>1g</c>, <c>1.5g</c>, <c>100k</c>, <c>2t</c> or plain bytes, in binary units.</summary>
internal static partial class Sizes
{
    public const string Hint = "(use 512m, 1g)";

    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var match = SizePattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var unit = match.Groups["unit"].Value.ToLowerInvariant();
        var number = match.Groups["number"].Value;
        // A fraction of a byte means nothing: plain bytes must be whole.
        if (unit.Length == 0 && number.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        var exponent = unit switch { "k" => 1, "m" => 2, "g" => 3, "t" => 4, _ => 0 };
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        try
        {
            for (var i = 0; i < exponent; i++)
            {
                value *= 1024;
            }

            value = decimal.Floor(value);
            if (value < 1 || value > long.MaxValue)
            {
                return false;
            }

            bytes = (long)value;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^(?<number>[0-9]{1,20}(\.[0-9]{1,20})?)\s*(?<unit>[kmgt]?)b?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SizePattern();
}
