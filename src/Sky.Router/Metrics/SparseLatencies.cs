using HdrHistogram;

namespace Sky.Router.Metrics;

/// <summary>
/// A closed block's latency histogram kept as its non-empty buckets only (12 bytes each): a full histogram is 13 KB,
/// while ten seconds of real traffic fill a few hundred buckets at most.
/// </summary>
internal sealed class SparseLatencies
{
    private readonly long[] values;
    private readonly int[] counts;

    private SparseLatencies(long[] values, int[] counts)
    {
        this.values = values;
        this.counts = counts;
    }

    public static SparseLatencies From(HistogramBase histogram)
    {
        var values = new List<long>();
        var counts = new List<int>();
        foreach (var bucket in histogram.RecordedValues())
        {
            values.Add(bucket.ValueIteratedTo);
            counts.Add((int)bucket.CountAtValueIteratedTo);
        }
        return new SparseLatencies([.. values], [.. counts]);
    }

    public void AddTo(HistogramBase histogram)
    {
        for (var index = 0; index < values.Length; index++)
        {
            histogram.RecordValueWithCount(values[index], counts[index]);
        }
    }
}
