using System.Runtime.InteropServices;

namespace Sky.Metrics.History;

/// <summary>
/// The values of one series over one block of time, a float per step (NaN where nothing was measured): 1.4 KB for an
/// hour at 10 s. Floats, not doubles: what is kept is rates, percentages and sizes, where seven digits are plenty, and
/// 300 containers' open blocks stay a few megabytes.
/// </summary>
public sealed class HistoryBlock
{
    private readonly float[] values;

    public HistoryBlock(long start, int slots)
    {
        Start = start;
        values = new float[slots];
        Array.Fill(values, float.NaN);
    }

    private HistoryBlock(long start, float[] values)
    {
        Start = start;
        this.values = values;
    }

    /// <summary>Unix seconds of the first slot.</summary>
    public long Start { get; }

    public int Slots => values.Length;

    /// <summary>Changed since it was last written.</summary>
    public bool Dirty { get; set; }

    public float this[int slot] => values[slot];

    public static HistoryBlock FromBytes(long start, int slots, ReadOnlySpan<byte> bytes)
    {
        var block = new HistoryBlock(start, slots);
        var stored = MemoryMarshal.Cast<byte, float>(bytes);
        stored[..Math.Min(stored.Length, slots)].CopyTo(block.values);
        return block;
    }

    public void Set(int slot, float value)
    {
        values[slot] = value;
        Dirty = true;
    }

    /// <summary>The average of the measured values in [first, first + count), NaN when none was.</summary>
    public float Average(int first, int count)
    {
        double sum = 0;
        var measured = 0;
        foreach (var value in values.AsSpan(first, count))
        {
            if (!float.IsNaN(value))
            {
                sum += value;
                measured++;
            }
        }

        return measured == 0 ? float.NaN : (float)(sum / measured);
    }

    /// <summary>Fills the slots this block never measured from <paramref name="older"/> (the same block as stored before a restart).</summary>
    public void Underlay(HistoryBlock older)
    {
        for (var slot = 0; slot < values.Length && slot < older.values.Length; slot++)
        {
            if (float.IsNaN(values[slot]))
            {
                values[slot] = older.values[slot];
            }
        }
    }

    /// <summary>
    /// The length of the stored form: the floats' bytes up to the last measured slot. The slots after it are not
    /// measured yet (an open block fills from its start) and read back as not measured, so they are left out: half a
    /// block on average, and the row of a whole one (1.4 KB) is past what SQLite keeps in the row's own page (about
    /// 1 KB), so every write of it took a second page.
    /// </summary>
    public int StoredLength => (values.AsSpan().LastIndexOfAnyExcept(float.NaN) + 1) * sizeof(float);

    /// <summary>The stored form, into <paramref name="target"/> (<see cref="StoredLength"/> bytes long).</summary>
    public void CopyBytesTo(Span<byte> target) => MemoryMarshal.AsBytes(values.AsSpan()).Slice(0, target.Length).CopyTo(target);

    public HistoryBlock Copy() => new(Start, (float[])values.Clone());
}
