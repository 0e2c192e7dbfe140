namespace Sky.Feed.Changes;

/// <summary>
/// The engine's event stream was lost or is back. <see cref="Unreachable"/>: the engine itself could not be reached
/// (it is restarting), as opposed to a stream that merely broke.
/// </summary>
public sealed record EngineConnectionChanged(bool Connected, bool Unreachable, string? Reason) : FeedChange;
