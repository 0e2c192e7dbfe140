namespace Sky.Contracts;

/// <summary>
/// How the first attempt of one channel went for a <c>POST /notify</c>: <see cref="Delivered"/> true (someone was told),
/// false with the <see cref="Error"/> (the daemon keeps trying), or null when there was no answer yet.
/// </summary>
public sealed record NotifyDeliveryView(string Channel, string Target, bool? Delivered, string? Error);
