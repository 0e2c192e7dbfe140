namespace Sky.Feed;

/// <summary>
/// The health sky's checks found for the container of a name: which container (id) it is about, so the health of a
/// replaced container is never read as that of its successor.
/// </summary>
public sealed record HealthFacts(string Container, string? ContainerId, string? Service, string? Instance, string? Health, string? LastCheck);
