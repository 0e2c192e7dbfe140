namespace Sky.Contracts;

/// <summary>
/// <c>POST /api/v1/notify</c>: a one-off message (<c>sky snitch</c>) through the daemon's channels, to an e-mail address
/// and/or a webhook. <see cref="Failed"/> colours it for people skimming a channel.
/// </summary>
public sealed record NotifyRequest(
    string? Email,
    string? Webhook,
    string? Subject,
    string? Text,
    IReadOnlyDictionary<string, string>? Fields = null,
    bool Failed = false);
