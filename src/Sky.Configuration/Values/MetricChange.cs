using System.Globalization;

namespace Sky.Configuration.Values;

/// <summary>
/// The <c>change</c> of an alert rule as written: a signed amount in the metric's units (<c>-100</c>) or, with a
/// '%', relative to the value at the start (<c>-50%</c>: fell by half). The sign is required, since "a change of 50%"
/// does not say which way.
/// </summary>
public sealed record MetricChange(double Amount, bool IsRelative)
{
    public const string Hint = "(use a signed amount: -50% when it fell by half, +50% when it rose by half, or -100 in the metric's units; a fall is at most -100%)";

    /// <summary>The fraction an alert compares with: -0.5 for <c>-50%</c>; the amount itself when not relative.</summary>
    public double Value => IsRelative ? Amount / 100 : Amount;

    public static bool TryParse(string text, out MetricChange? change)
    {
        change = null;
        text = text.Trim();
        var relative = text.EndsWith('%');
        var number = relative ? text[..^1].TrimEnd() : text;
        if (number.Length == 0 || number[0] is not ('+' or '-')
            || !double.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || !double.IsFinite(amount) || amount == 0)
        {
            return false;
        }

        // Nothing measured falls by more than all of it; a rule that needs it would never fire.
        if (relative && amount < -100)
        {
            return false;
        }

        change = new MetricChange(amount, relative);
        return true;
    }

    /// <summary>As a configuration writes it: <c>-50%</c>, <c>+0.5</c>.</summary>
    public override string ToString() =>
        Amount.ToString("+0.##########;-0.##########", CultureInfo.InvariantCulture) + (IsRelative ? "%" : "");
}
