namespace Sky.Logs.Store;

/// <summary>
/// How long and how much the log store keeps (<c>logs.retention</c>, <c>logs.max-size</c> in the daemon settings);
/// the oldest lines go first, a whole segment at a time.
/// </summary>
public sealed record LogRetention
{
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromDays(7);

    public long MaxBytes { get; init; } = 1L << 30;

    /// <summary>A segment is closed at this size: a sixteenth of the limit (within 64 KB and 64 MB), so that dropping one frees little more than needed.</summary>
    public long SegmentBytes => Math.Clamp(MaxBytes / 16, 64 * 1024, 64L * 1024 * 1024);
}
