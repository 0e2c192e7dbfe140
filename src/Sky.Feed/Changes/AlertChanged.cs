namespace Sky.Feed.Changes;

/// <summary>An alert to a maintainer was opened, escalated or closed.</summary>
public sealed record AlertChanged(long Id, string ServiceName, string? Instance, string Kind, string Priority, string State, string Message) : FeedChange
{
    public override string? Service => ServiceName;
}
