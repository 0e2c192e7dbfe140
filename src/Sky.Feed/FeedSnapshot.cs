using System.Collections.Immutable;
using Sky.Feed.Changes;
using Sky.Model;

namespace Sky.Feed;

/// <summary>
/// The daemon's whole current picture at one sequence: the desired state of the applied revision, every container sky
/// manages with its published ports, and the health its checks found. Immutable: <see cref="Apply"/> returns a new
/// snapshot, so readers hold one without locks and never see half an update.
/// </summary>
public sealed record FeedSnapshot : FeedItem
{
    private static readonly ImmutableDictionary<string, ContainerFacts> NoContainers = ImmutableDictionary.Create<string, ContainerFacts>(StringComparer.Ordinal);
    private static readonly ImmutableDictionary<string, HealthFacts> NoHealth = ImmutableDictionary.Create<string, HealthFacts>(StringComparer.Ordinal);

    public static FeedSnapshot Empty { get; } = new();

    /// <summary>The applied revision; 0 before anything is applied.</summary>
    public long Revision { get; init; }

    public DesiredState State { get; init; } = DesiredState.Empty;

    /// <summary>Containers by name.</summary>
    public ImmutableDictionary<string, ContainerFacts> Containers { get; init; } = NoContainers;

    /// <summary>Health by container name; see <see cref="HealthOf"/> to read it for the container that runs now.</summary>
    public ImmutableDictionary<string, HealthFacts> Health { get; init; } = NoHealth;

    public bool EngineConnected { get; init; } = true;

    /// <summary>The health of the container of that name, if it is about the container of that name now known.</summary>
    public HealthFacts? HealthOf(string container) =>
        Health.GetValueOrDefault(container) is { } health && Containers.GetValueOrDefault(container) is { } facts && facts.Id == health.ContainerId ? health : null;

    /// <summary>The snapshot after <paramref name="change"/>, carrying its sequence.</summary>
    public FeedSnapshot Apply(FeedChange change)
    {
        var next = change switch
        {
            DesiredStateChanged desired => this with { Revision = desired.Revision, State = desired.State },
            ContainerChanged { Container.Phase: ContainerPhase.Removed } removed => this with { Containers = Remove(removed.Container) },
            ContainerChanged { PreviousName: { } previous } renamed => this with { Containers = Rename(previous, renamed.Container) },
            ContainerChanged changed => this with { Containers = Containers.SetItem(changed.Container.Name, Merge(changed.Container)) },
            ContainersListed listed => this with
            {
                Containers = NoContainers.SetItems(listed.Containers.Select(c => KeyValuePair.Create(c.Name, c))),
                EngineConnected = true,
            },
            HealthChanged health => this with { Health = Health.SetItem(health.Health.Container, health.Health) },
            EngineConnectionChanged connection => this with { EngineConnected = connection.Connected },
            _ => this,
        };
        return next with { Sequence = change.Sequence };
    }

    private ImmutableDictionary<string, ContainerFacts> Remove(ContainerFacts removed) =>
        Containers.GetValueOrDefault(removed.Name) is { } known && known.Id == removed.Id ? Containers.Remove(removed.Name) : Containers;

    /// <summary>The container known under <paramref name="previous"/> (same id) is now known under its new name only.</summary>
    private ImmutableDictionary<string, ContainerFacts> Rename(string previous, ContainerFacts renamed)
    {
        var known = Containers.GetValueOrDefault(previous) is { } before && before.Id == renamed.Id ? before : null;
        var facts = known is not null && renamed.HostPorts.Count == 0 ? renamed with { HostPorts = known.HostPorts } : renamed;
        return (known is null ? Containers : Containers.Remove(previous)).SetItem(renamed.Name, facts);
    }

    /// <summary>An event that knows no ports (a death) keeps those already known for the same container.</summary>
    private ContainerFacts Merge(ContainerFacts changed) =>
        changed.HostPorts.Count == 0 && Containers.GetValueOrDefault(changed.Name) is { } known && known.Id == changed.Id
            ? changed with { HostPorts = known.HostPorts }
            : changed;
}
