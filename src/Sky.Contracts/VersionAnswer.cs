namespace Sky.Contracts;

/// <summary>
/// The daemon's version, its namespace, the engine it talks to (null when unreachable) and the daemon's identity (null
/// from a daemon older than identities).
/// </summary>
public sealed record VersionAnswer(string Version, string Namespace, string? Engine, string? EngineApi, string? EngineEndpoint, string? EngineError, DaemonIdentityView? Daemon = null);
