using System.Collections.Immutable;
using Sky.Feed;
using Sky.Feed.Changes;

namespace Sky.Supervisor.Health;

/// <summary>
/// The health of every supervised container, kept in memory as one immutable snapshot swapped atomically: readers
/// (status, the health-gated start) never lock and never see half an update. Every change of a container's health (or
/// of the container it is about) is published on the state feed as part of the update, so subscribers (the health
/// gate, the router, the page) learn of a verdict the moment it is made.
/// </summary>
public sealed class HealthRegistry(StateFeed? feed = null) : IContainerHealthView
{
    private readonly Lock gate = new();
    private ImmutableDictionary<string, HealthEntry> entries = ImmutableDictionary.Create<string, HealthEntry>(StringComparer.Ordinal);
    private volatile bool active;

    /// <summary>True while the supervisor runs checks, so waiting for a dependency's health can succeed.</summary>
    public bool RunsChecks => active;

    public void SetActive(bool value) => active = value;

    public ContainerHealth? Get(string containerName) =>
        Entry(containerName) is { } entry ? new ContainerHealth(entry.Health, entry.LastCheck, entry.Restarts, entry.ContainerId) : null;

    public bool IsHealthy(string containerName, string containerId) =>
        Entry(containerName) is { } entry && entry.ContainerId == containerId && entry.Health == HealthNames.Healthy;

    public HealthEntry? Entry(string containerName) => Volatile.Read(ref entries).GetValueOrDefault(containerName);

    /// <summary>Applies a change to one entry (null: none yet) and returns the entry now stored.</summary>
    public HealthEntry Update(string containerName, Func<HealthEntry?, HealthEntry> change)
    {
        lock (gate)
        {
            var before = entries.GetValueOrDefault(containerName);
            var after = change(before);

            // Most check rounds change nothing (the same container, health and answer): the stored entry stays. A new
            // snapshot each round would copy a path of the tree that has lived long enough to be collected only by a
            // full collection, 30 times a second with 300 containers checked every 10 s.
            if (after == before)
            {
                return before;
            }

            Volatile.Write(ref entries, entries.SetItem(containerName, after));

            // Published under the lock, so subscribers see the verdicts of one container in the order they were made.
            if (feed is not null && (before?.Health != after.Health || before?.ContainerId != after.ContainerId))
            {
                var known = feed.Current.Containers.GetValueOrDefault(containerName);
                feed.Publish(new HealthChanged(
                    new HealthFacts(containerName, after.ContainerId, known?.Service, known?.Instance, after.Health, after.LastCheck),
                    before?.Health));
            }

            return after;
        }
    }
}
