namespace Sky.Metrics.History;

/// <summary>
/// One resolution the history keeps: a value per <see cref="Step"/>, stored in blocks of <see cref="Block"/> (one row
/// per series and block), kept for <see cref="Keep"/>.
/// </summary>
public sealed record HistoryResolution(int Id, TimeSpan Step, TimeSpan Block, TimeSpan Keep)
{
    /// <summary>10 s for a day: what a chart of the last hours shows.</summary>
    public static HistoryResolution Fine(TimeSpan keep) => new(0, TimeSpan.FromSeconds(10), TimeSpan.FromHours(1), keep);

    /// <summary>5 minutes for a month: each value the average of the fine values in its five minutes.</summary>
    public static HistoryResolution Coarse(TimeSpan keep) => new(1, TimeSpan.FromMinutes(5), TimeSpan.FromDays(1), keep);

    public int Slots => (int)(Block / Step);

    /// <summary>The start of the block that holds <paramref name="time"/>, in Unix seconds.</summary>
    public long BlockStart(DateTimeOffset time)
    {
        var seconds = time.ToUnixTimeSeconds();
        var span = (long)Block.TotalSeconds;
        return seconds - (((seconds % span) + span) % span);
    }

    public int Slot(DateTimeOffset time, long blockStart) => (int)((time.ToUnixTimeSeconds() - blockStart) / (long)Step.TotalSeconds);
}
