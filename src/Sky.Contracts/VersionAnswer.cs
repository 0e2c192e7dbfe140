namespace Sky.Contracts;

/// <summary>The daemon's version, the engine it talks to (null when unreachable) and its namespace.</summary>
public sealed record VersionAnswer(string Version, string Namespace, string? Engine, string? EngineApi, string? EngineEndpoint, string? EngineError);
