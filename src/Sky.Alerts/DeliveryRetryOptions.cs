namespace Sky.Alerts;

/// <summary>
/// How hard a delivery is tried: exponential back-off from <see cref="FirstDelay"/>, capped at <see cref="MaxDelay"/>.
/// The defaults ride out a channel that is down for about five minutes without holding anything up.
/// </summary>
public sealed record DeliveryRetryOptions
{
    public int MaxAttempts { get; init; } = 10;

    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(1);
}
