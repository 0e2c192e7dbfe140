namespace Sky.Alerts;

/// <summary>Low: the maintainer should know. High: someone should act now (the channel that pages).</summary>
public enum AlertPriority
{
    Low,
    High,
}
