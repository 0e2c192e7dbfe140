namespace Sky.Feed.Changes;

/// <summary>
/// Something sky did or decided, and why, as people read it in <c>sky events</c>: an apply, a start, a restart with
/// its back-off, a crash loop, a heal. <see cref="Id"/> is its number in the event log.
/// </summary>
public sealed record ActivityRecorded(long Id, string Kind, string? ServiceName, string? Instance, string Message) : FeedChange
{
    public override string? Service => ServiceName;
}
