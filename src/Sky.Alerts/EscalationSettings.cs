namespace Sky.Alerts;

/// <summary>When an incident moves up to the high-priority channel, and when a still-open one is brought up again.</summary>
public sealed record EscalationSettings
{
    public const int DefaultHighAfter = 2;

    public static readonly TimeSpan DefaultReminderAfter = TimeSpan.FromHours(1);

    /// <summary>Consecutive failures after which the high-priority channel is used as well (1: at once).</summary>
    public int HighAfter { get; init; } = DefaultHighAfter;

    /// <summary>Quiet period after the last message before a reminder for an incident that is still open.</summary>
    public TimeSpan ReminderAfter { get; init; } = DefaultReminderAfter;
}
