namespace Sky.Supervisor;

/// <summary>
/// A container's health (<c>starting</c>, <c>healthy</c>, <c>unhealthy</c>), its last check result and restart count;
/// <see cref="ContainerId"/> says which container of that name the health is about (a replaced one's says nothing of
/// the new one).
/// </summary>
public sealed record ContainerHealth(string? Health, string? LastCheck, int Restarts, string? ContainerId = null);
