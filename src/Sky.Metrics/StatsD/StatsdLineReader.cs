using System.Buffers;

namespace Sky.Metrics.StatsD;

/// <summary>
/// Reads one StatsD line, <c>key:value|type[|@rate][|#tag:v,...][:value|type...]</c>, into the aggregator exactly as
/// etsy statsd 0.9.0's <c>handlePacket</c> does: the key is everything before the first <c>:</c>, each further
/// <c>:</c> starts another value for the same key, tags become Graphite tags (<c>;tag=v</c>) of the key, and each
/// value that etsy rejects (no type, a bad sample rate, a value that is not a number, a negative timing) counts one
/// bad line. Types other than <c>ms</c>, <c>g</c> and <c>s</c> are counters in etsy (<c>h</c> among them), and so here.
/// </summary>
internal static class StatsdLineReader
{
    private const int StackKeyLength = 256;

    public static void Read(ReadOnlySpan<char> line, StatsdAggregator into)
    {
        var body = line;
        var tags = ReadOnlySpan<char>.Empty;
        var tagsAt = line.IndexOf("|#", StringComparison.Ordinal);
        if (tagsAt >= 0)
        {
            // etsy splits on "|#" and reads only the piece after the first one.
            body = line[..tagsAt];
            tags = line[(tagsAt + 2)..];
            var next = tags.IndexOf("|#", StringComparison.Ordinal);
            tags = next < 0 ? tags : tags[..next];
        }

        var colon = body.IndexOf(':');
        if (colon < 0)
        {
            // A key alone: etsy reads it as the value "1" with no type, a bad line.
            into.Increment(StatsdAggregator.BadLinesSeen);
            return;
        }

        var name = body[..colon];
        var longest = name.Length + 1 + tags.Length;
        char[]? rented = null;
        var buffer = longest <= StackKeyLength ? stackalloc char[StackKeyLength] : (rented = ArrayPool<char>.Shared.Rent(longest));
        try
        {
            var key = buffer[..KeySanitizer.Sanitize(buffer[..WithTags(name, tags, buffer)])];
            foreach (var range in body[(colon + 1)..].Split(':'))
            {
                ReadValue(key, body[(colon + 1)..][range], into);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Writes the name and, for each tag, <c>;</c> and the tag with its first <c>;</c> made <c>_</c> and its first
    /// <c>:</c> made <c>=</c> (JavaScript's <c>replace</c> with a string replaces the first only).
    /// </summary>
    private static int WithTags(ReadOnlySpan<char> name, ReadOnlySpan<char> tags, Span<char> key)
    {
        name.CopyTo(key);
        var length = name.Length;
        if (tags.IsEmpty)
        {
            return length;
        }

        foreach (var range in tags.Split(','))
        {
            var tag = key.Slice(length + 1, range.GetOffsetAndLength(tags.Length).Length);
            key[length] = ';';
            tags[range].CopyTo(tag);
            ReplaceFirst(tag, ';', '_');
            ReplaceFirst(tag, ':', '=');
            length += 1 + tag.Length;
        }

        return length;
    }

    private static void ReplaceFirst(Span<char> text, char from, char to)
    {
        var at = text.IndexOf(from);
        if (at >= 0)
        {
            text[at] = to;
        }
    }

    private static void ReadValue(ReadOnlySpan<char> key, ReadOnlySpan<char> text, StatsdAggregator into)
    {
        var fields = new StatsdValueFields(text);
        if (!fields.IsValid || fields.SampleRate is not { } sampleRate)
        {
            into.Increment(StatsdAggregator.BadLinesSeen);
            return;
        }

        switch (fields.Type)
        {
            case "ms":
                into.Time(key, JsNumber.Parse(fields.Value), sampleRate);
                break;
            case "g":
                into.Gauge(key, JsNumber.Parse(fields.Value), signed: fields.Value is ['+' or '-', ..]);
                break;
            case "s":
                into.AddToSet(key, fields.Value.IsEmpty ? "0" : fields.Value);
                break;
            default:
                into.Count(key, JsNumber.Parse(fields.Value) * (1 / sampleRate));
                break;
        }
    }
}
