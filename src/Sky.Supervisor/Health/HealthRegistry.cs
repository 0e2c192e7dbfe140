using System.Collections.Immutable;

namespace Sky.Supervisor.Health;

/// <summary>
/// The health of every supervised container, kept in memory as one immutable snapshot swapped atomically: readers
/// (status, the health-gated start) never lock and never see half an update.
/// </summary>
public sealed class HealthRegistry : IContainerHealthView
{
    private ImmutableDictionary<string, HealthEntry> entries = ImmutableDictionary.Create<string, HealthEntry>(StringComparer.Ordinal);
    private volatile bool active;

    /// <summary>True while the supervisor runs checks, so waiting for a dependency's health can succeed.</summary>
    public bool RunsChecks => active;

    public void SetActive(bool value) => active = value;

    public ContainerHealth? Get(string containerName) =>
        Entry(containerName) is { } entry ? new ContainerHealth(entry.Health, entry.LastCheck, entry.Restarts) : null;

    public bool IsHealthy(string containerName, string containerId) =>
        Entry(containerName) is { } entry && entry.ContainerId == containerId && entry.Health == HealthNames.Healthy;

    public HealthEntry? Entry(string containerName) => Volatile.Read(ref entries).GetValueOrDefault(containerName);

    /// <summary>Applies a change to one entry (null: none yet) and returns the entry now stored.</summary>
    public HealthEntry Update(string containerName, Func<HealthEntry?, HealthEntry> change) =>
        ImmutableInterlocked.AddOrUpdate(ref entries, containerName, _ => change(null), (_, old) => change(old));
}
