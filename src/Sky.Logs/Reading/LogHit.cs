namespace Sky.Logs.Reading;

/// <summary>One stored line a reader found, in the order the reader gives lines: by time, then source, then number.</summary>
public readonly record struct LogHit(long Ticks, long SourceId, long Seq, bool Stderr, bool Truncated, string Text) : IComparable<LogHit>
{
    public int CompareTo(LogHit other)
    {
        var byTime = Ticks.CompareTo(other.Ticks);
        if (byTime != 0)
        {
            return byTime;
        }

        var bySource = SourceId.CompareTo(other.SourceId);
        return bySource != 0 ? bySource : Seq.CompareTo(other.Seq);
    }

    public static bool operator <(LogHit left, LogHit right) => left.CompareTo(right) < 0;

    public static bool operator >(LogHit left, LogHit right) => left.CompareTo(right) > 0;

    public static bool operator <=(LogHit left, LogHit right) => left.CompareTo(right) <= 0;

    public static bool operator >=(LogHit left, LogHit right) => left.CompareTo(right) >= 0;
}
