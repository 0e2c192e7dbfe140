namespace Sky.Api.Settings;

/// <summary>Defaults for lifecycle checks that do not set their own <c>interval</c> and <c>timeout</c>.</summary>
public sealed record CheckSettings
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    public TimeSpan Interval { get; init; } = DefaultInterval;

    public TimeSpan Timeout { get; init; } = DefaultTimeout;
}
