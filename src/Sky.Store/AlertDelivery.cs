namespace Sky.Store;

/// <summary>
/// One attempt to hand a notice to a channel (an e-mail, a webhook post), kept so that people can see whether and when
/// the maintainer was told. <see cref="AlertId"/> is null for notifications that belong to no incident (<c>sky snitch</c>).
/// A notice no channel took is recorded too, on channel <c>none</c> with attempt 0, its error saying why nobody was told.
/// </summary>
public sealed record AlertDelivery(
    long Id,
    long? AlertId,
    DateTimeOffset Time,
    string Channel,
    string Target,
    string Notice,
    int Attempt,
    bool Delivered,
    string? Error);
