namespace Sky.Contracts;

/// <summary>
/// What the daemon queued for delivery (<c>email jane@example.com</c>, <c>webhook https://hooks.example.com/…</c>) and,
/// channel by channel, how the first attempt went: queued is not told.
/// </summary>
public sealed record NotifyAnswer(IReadOnlyList<string> Queued, IReadOnlyList<NotifyDeliveryView>? Deliveries = null);
