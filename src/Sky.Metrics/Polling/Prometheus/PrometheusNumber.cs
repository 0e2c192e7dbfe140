using System.Globalization;

namespace Sky.Metrics.Polling.Prometheus;

/// <summary>
/// A value, <c>le</c> or <c>quantile</c> as the format writes it: a decimal in any notation (<c>1.5e-3</c>), or
/// <c>NaN</c>, <c>+Inf</c>, <c>-Inf</c>, in any case, as Go's <c>ParseFloat</c> reads them (the clients write them
/// with Go's or their own float formatting).
/// </summary>
internal static class PrometheusNumber
{
    public static bool TryParse(string text, out double value)
    {
        switch (text.ToLowerInvariant())
        {
            case "nan":
                value = double.NaN;
                return true;
            case "inf" or "+inf" or "infinity" or "+infinity":
                value = double.PositiveInfinity;
                return true;
            case "-inf" or "-infinity":
                value = double.NegativeInfinity;
                return true;
            default:
                // Leading and trailing white space is not the format's; a number has none since tokens end at blanks.
                const NumberStyles Decimal = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
                return double.TryParse(text, Decimal, CultureInfo.InvariantCulture, out value);
        }
    }
}
