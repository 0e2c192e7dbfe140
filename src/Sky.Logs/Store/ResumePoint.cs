namespace Sky.Logs.Store;

/// <summary>
/// Where collection of a container goes on after a restart: ask the engine for its lines from <see cref="Since"/> and
/// skip the first <see cref="Skip"/> of them, which are stored already. <see cref="Since"/> is a second before the
/// newest stored line, because the engine stamps stdout and stderr apart and may store them slightly out of order.
/// </summary>
public sealed record ResumePoint(DateTimeOffset Since, long Skip);
