namespace Sky.Feed.Changes;

/// <summary>A check's verdict moved a container's health (or the container it is about changed).</summary>
public sealed record HealthChanged(HealthFacts Health, string? Previous) : FeedChange
{
    public override string? Service => Health.Service;
}
