namespace Sky.Metrics.History;

/// <summary>How long each resolution is kept (<c>metrics.fine-retention</c>, <c>metrics.coarse-retention</c>).</summary>
public sealed record HistorySettings
{
    public TimeSpan FineRetention { get; init; } = TimeSpan.FromHours(24);

    public TimeSpan CoarseRetention { get; init; } = TimeSpan.FromDays(30);
}
