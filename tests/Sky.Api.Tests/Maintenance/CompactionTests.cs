using Sky.Api.Maintenance;

namespace Sky.Api.Tests.Maintenance;

public sealed class CompactionTests
{
    private const long MB = 1 << 20;

    [Theory]
    [InlineData(48, 25, true)] // what bench/footprint.sh saw after 300 starts: 23 MB past 25 MB alive
    [InlineData(34, 25, true)] // 9 MB past: more than the least worth a pause
    [InlineData(32, 25, false)] // 7 MB past: less
    [InlineData(14, 4, true)] // a small daemon: 10 MB past
    [InlineData(11, 4, false)]
    [InlineData(126, 100, true)] // a big one: a quarter of 100 MB
    [InlineData(124, 100, false)]
    public void The_heap_is_compacted_once_it_has_grown_past_a_quarter_of_what_lived_at_the_last_full_collection(long heap, long alive, bool due)
    {
        Assert.Equal(due, Compaction.IsDue(heap * MB, alive * MB));
    }

    [Fact]
    public void Before_any_full_collection_a_heap_past_the_least_growth_is_compacted_to_learn_what_lives()
    {
        Assert.True(Compaction.IsDue(20 * MB, null));
        Assert.False(Compaction.IsDue(6 * MB, null));
    }

    [Fact]
    public void What_lived_is_known_after_a_full_collection()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);

        var alive = Compaction.AliveAtLastFullCollection();

        Assert.NotNull(alive);
        Assert.InRange(alive.Value, 1, GC.GetGCMemoryInfo().HeapSizeBytes);
    }
}
