using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Sky.Metrics.Polling.Expvar;

/// <summary>
/// Turns what a Go program serves on <c>/debug/vars</c> (one JSON object of variables, some of them objects in turn,
/// such as <c>memstats</c>) into one value per number: <c>{"memstats": {"Alloc": 5}}</c> gives <c>memstats.Alloc</c> =
/// 5. Booleans count as 1 and 0, since a flag that flips is worth a graph; strings, arrays and nulls have no single
/// number to graph and are left out, as samlare leaves them out. Each key becomes one part of the name, cleaned by
/// <see cref="NameSegment"/> (a key <c>/api/users</c> reads <c>_api_users</c>), so that one level of the object is one
/// part of the name whatever the application called it; the service's ignore and rename rules then apply to the
/// whole dotted name.
/// </summary>
public static class ExpvarFlattener
{
    public static bool TryFlatten(
        ReadOnlyMemory<byte> json,
        MetricNameRules rules,
        out IReadOnlyList<PolledValue> values,
        [NotNullWhen(false)] out string? error)
    {
        values = [];
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            error = $"bad JSON at byte {ByteOffset(json.Span, e)}: {Describe(e)}";
            return false;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = $"the answer is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object of variables";
                return false;
            }

            var flat = new List<PolledValue>();
            Flatten(document.RootElement, prefix: null, rules, flat);
            values = flat;
            error = null;
            return true;
        }
    }

    private static void Flatten(JsonElement item, string? prefix, MetricNameRules rules, List<PolledValue> into)
    {
        foreach (var property in item.EnumerateObject())
        {
            var segment = NameSegment.Sanitise(property.Name);
            var name = prefix is null ? segment : $"{prefix}.{segment}";
            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    Flatten(value, name, rules, into);
                    break;
                // A number too big for a double (1e400) has no value to graph; it is left out like a string.
                case JsonValueKind.Number when value.TryGetDouble(out var number) && double.IsFinite(number):
                    Add(name, number, rules, into);
                    break;
                case JsonValueKind.True:
                    Add(name, 1, rules, into);
                    break;
                case JsonValueKind.False:
                    Add(name, 0, rules, into);
                    break;
                default:
                    break;
            }
        }
    }

    private static void Add(string name, double value, MetricNameRules rules, List<PolledValue> into)
    {
        if (rules.Apply(name) is { } published)
        {
            into.Add(new PolledValue(published, value));
        }
    }

    // The reader counts lines and bytes within the line; a Go program writes one variable per line, so the offset
    // from the start of the answer is what a user can find with a hex dump or `head -c`.
    private static long ByteOffset(ReadOnlySpan<byte> json, JsonException e)
    {
        var line = e.LineNumber ?? 0;
        var lineStart = 0;
        for (var i = 0L; i < line; i++)
        {
            var newline = json[lineStart..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                break;
            }

            lineStart += newline + 1;
        }

        return lineStart + (e.BytePositionInLine ?? 0);
    }

    // "'x' is an invalid start of a value. LineNumber: 0 | BytePositionInLine: 6." keeps its first sentence: the
    // position is already said as a byte offset.
    private static string Describe(JsonException e)
    {
        var message = e.Message;
        var position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (position < 0 ? message : message[..position]).TrimEnd('.', ' ');
    }
}
