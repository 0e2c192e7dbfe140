namespace Sky.Runtime;

/// <summary>Who answered: the engine's version, the API version sky speaks with it, and whether it is a Swarm manager.</summary>
public sealed record EngineInfo(string EngineVersion, string ApiVersion, string Endpoint);
