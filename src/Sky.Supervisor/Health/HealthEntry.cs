namespace Sky.Supervisor.Health;

/// <summary>
/// What sky knows of one wanted container (by name): the container id the health is about, its health, the last
/// check result, the restarts sky made, and whether a recovery notice is owed once it is healthy again.
/// </summary>
public sealed record HealthEntry(string? ContainerId, string? Health, string? LastCheck, int Restarts, bool AwaitingRecovery = false);
