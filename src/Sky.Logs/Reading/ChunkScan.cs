using System.Text;
using Sky.Logs.Store;

namespace Sky.Logs.Reading;

/// <summary>The lines of one chunk that a reader wants: in its time range and stream, matching its text.</summary>
internal static class ChunkScan
{
    public static List<LogHit> Hits(ChunkRow chunk, ReadOnlySpan<byte> lines, LogFilter filter, LogMatch? match)
    {
        var hits = new List<LogHit>();
        if (match is not null && !match.MayMatch(lines))
        {
            return hits;
        }

        var since = filter.Since?.UtcTicks ?? long.MinValue;
        var until = filter.Until?.UtcTicks ?? long.MaxValue;
        var streams = filter.StreamMask;
        var reader = new ChunkReader(lines, chunk.FirstTicks);
        var seq = chunk.FirstSeq;
        while (reader.MoveNext())
        {
            var number = seq++;
            if (reader.Ticks < since || reader.Ticks > until || (streams & (reader.Stderr ? 2 : 1)) == 0)
            {
                continue;
            }

            if (match is not null && !match.Matches(reader.Text))
            {
                continue;
            }

            // Invalid UTF-8 becomes U+FFFD here: a line is always a valid string for JSON and the terminal.
            hits.Add(new LogHit(reader.Ticks, chunk.SourceId, number, reader.Stderr, reader.Truncated, Encoding.UTF8.GetString(reader.Text)));
        }

        return hits;
    }
}
