namespace Sky.Contracts;

/// <summary>
/// <c>GET /alerts/ID/deliveries</c>: one attempt to hand a notice to a channel (<c>email</c>, <c>webhook</c>), so people
/// can see whether and when the maintainer was told. <see cref="AlertId"/> is null for a notice of no incident (snitch).
/// </summary>
public sealed record AlertDeliveryView(
    long Id,
    long? AlertId,
    DateTimeOffset Time,
    string Channel,
    string Target,
    string Notice,
    int Attempt,
    bool Delivered,
    string? Error);
