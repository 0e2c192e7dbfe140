using System.Globalization;
using Sky.Model.Metrics;

namespace Sky.Metrics.Rules;

/// <summary>Whether one value (and, for a change, the value <c>over</c> ago) crosses a rule, with the words that say so.</summary>
public static class RuleCheck
{
    /// <summary>The description of the crossing (<c>cpu.percent is 93.5 (above 90)</c>), or null when it does not cross.</summary>
    public static string? Crosses(MetricRule rule, double now, double? before)
    {
        if (rule.Above is { } above)
        {
            return now > above ? $"{rule.Metric} is {Number(now)} (above {Number(above)})" : null;
        }

        if (rule.Below is { } below)
        {
            return now < below ? $"{rule.Metric} is {Number(now)} (below {Number(below)})" : null;
        }

        if (rule.Change is not { } change || before is not { } then)
        {
            return null;
        }

        if (rule.ChangeIsRelative)
        {
            if (then == 0)
            {
                return null; // no share of nothing
            }

            var relative = (now - then) / Math.Abs(then);
            return (change < 0 ? relative <= change : relative >= change)
                ? $"{rule.Metric} went from {Number(then)} to {Number(now)} ({(relative * 100).ToString("+0;-0", CultureInfo.InvariantCulture)}%)"
                : null;
        }

        var difference = now - then;
        return (change < 0 ? difference <= change : difference >= change)
            ? $"{rule.Metric} went from {Number(then)} to {Number(now)}"
            : null;
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
