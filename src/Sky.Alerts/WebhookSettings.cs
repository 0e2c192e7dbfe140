namespace Sky.Alerts;

/// <summary>One Slack-compatible webhook URL per priority; either may be missing.</summary>
public sealed record WebhookSettings
{
    public Uri? Low { get; init; }

    public Uri? High { get; init; }

    public Uri? For(AlertPriority priority) => priority == AlertPriority.High ? High : Low;
}
