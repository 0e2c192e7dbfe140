namespace Sky.Api.Maintenance;

/// <summary>When <see cref="HeapCompaction"/> compacts: the rule, apart from the collector it asks.</summary>
public static class Compaction
{
    /// <summary>The least growth worth a compaction: below it, what is returned is not worth the pause.</summary>
    public const long MinimumGrowth = 8L << 20;

    /// <summary>How far the heap may grow past what lived at the last full collection: a quarter of that, at least <see cref="MinimumGrowth"/>.</summary>
    public static long Allowance(long alive) => Math.Max(alive / 4, MinimumGrowth);

    /// <summary>Whether a heap of <paramref name="heap"/> bytes is due (no full collection yet: what lives counts as nothing).</summary>
    public static bool IsDue(long heap, long? alive) => heap - (alive ?? 0) > Allowance(alive ?? 0);

    /// <summary>What survived the newest full collection, blocking or background; null before the first.</summary>
    public static long? AliveAtLastFullCollection()
    {
        var blocking = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        var background = GC.GetGCMemoryInfo(GCKind.Background);
        var newest = blocking.Index >= background.Index ? blocking : background;
        return newest.Index == 0 ? null : newest.PromotedBytes;
    }
}
