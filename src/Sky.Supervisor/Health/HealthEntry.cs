namespace Sky.Supervisor.Health;

/// <summary>
/// What sky knows of one wanted container (by name): the container id the health is about, its health, the last
/// check result, the restarts sky made, and whether a recovery notice is owed once it is healthy again.
/// <paramref name="CheckedStart"/> is the start of that container its checks judge: a container restarted in place
/// keeps its id, and the verdicts of its previous start (a probe of the port it had) must not land on this one.
/// </summary>
public sealed record HealthEntry(string? ContainerId, string? Health, string? LastCheck, int Restarts, bool AwaitingRecovery = false, DateTimeOffset? CheckedStart = null);
