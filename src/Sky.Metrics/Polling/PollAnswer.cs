using System.Diagnostics.CodeAnalysis;
using System.Text;
using Sky.Metrics.Polling.Expvar;
using Sky.Metrics.Polling.Prometheus;

namespace Sky.Metrics.Polling;

/// <summary>Reads the body of a good answer as the kind of endpoint it came from says.</summary>
internal static class PollAnswer
{
    public static readonly IReadOnlyDictionary<string, PrometheusMetricType> NoTypes = new Dictionary<string, PrometheusMetricType>();

    public static bool TryRead(
        PollKind kind,
        ReadOnlyMemory<byte> body,
        MetricNameRules rules,
        out IReadOnlyList<PolledValue> values,
        out IReadOnlyDictionary<string, PrometheusMetricType> types,
        [NotNullWhen(false)] out string? failure)
    {
        types = NoTypes;
        if (kind == PollKind.Expvar)
        {
            return ExpvarFlattener.TryFlatten(body, rules, out values, out failure);
        }

        // Invalid UTF-8 becomes U+FFFD rather than a failure: it can only sit in a label value or a HELP text, where
        // the name cleaning turns it into _ anyway.
        if (!PrometheusTextParser.TryParse(Encoding.UTF8.GetString(body.Span), out var exposition, out var error))
        {
            values = [];
            failure = $"bad exposition text at {error}";
            return false;
        }

        values = PrometheusFlattener.Flatten(exposition, rules, out types);
        failure = null;
        return true;
    }
}
