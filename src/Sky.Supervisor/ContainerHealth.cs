namespace Sky.Supervisor;

/// <summary>A container's health (<c>starting</c>, <c>healthy</c>, <c>unhealthy</c>), its last check result and restart count.</summary>
public sealed record ContainerHealth(string? Health, string? LastCheck, int Restarts);
