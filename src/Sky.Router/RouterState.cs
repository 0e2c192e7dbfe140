using System.Collections.Concurrent;
using Sky.Router.Breaking;
using Sky.Router.Pool;
using Sky.Router.Table;

namespace Sky.Router;

/// <summary>
/// The router's live picture: the route table now in force and a member per container that carries a host. The
/// table is swapped whole; members outlive swaps so breakers and in-flight counts survive them.
/// </summary>
public sealed class RouterState(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, PoolMember> members = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> draining = new(StringComparer.Ordinal);
    private RouteTable table = RouteTable.Empty;

    /// <summary>Raised when a container's breaker changes state (on the thread of the request that changed it).</summary>
    public event Action<PoolMember, BreakerTransition>? BreakerChanged;

    /// <summary>Raised after each swap, off the request path.</summary>
    public event Action<RouteTable>? TableChanged;

    public RouteTable Table => Volatile.Read(ref table);

    public TimeProvider Time { get; } = time;

    /// <summary>The member of a container name, if it carries a host.</summary>
    public PoolMember? Member(string container) => members.GetValueOrDefault(container);

    public IEnumerable<PoolMember> Members => members.Values;

    /// <summary>Names of the containers sky is draining, each with the id it drains (a replacement of the same name is not drained).</summary>
    public IReadOnlyDictionary<string, string> DrainingContainers => draining;

    /// <summary>Marks a container as leaving the pool; the mark goes when that container stops or is replaced.</summary>
    public void MarkDraining(string container, string id) => draining[container] = id;

    /// <summary>Forgets drain marks of containers no longer running under the drained id.</summary>
    public void ForgetDrained(Func<string, string, bool> stillRunning)
    {
        foreach (var (container, id) in draining)
        {
            if (!stillRunning(container, id))
            {
                draining.TryRemove(KeyValuePair.Create(container, id));
            }
        }
    }

    /// <summary>Puts <paramref name="next"/> in force: members for new containers, fresh ones for replaced ones, none for those gone.</summary>
    public void Swap(RouteTable next)
    {
        var backends = next.Sites.SelectMany(s => s.Backends).DistinctBy(b => b.Container).ToDictionary(b => b.Container, StringComparer.Ordinal);
        var byId = members.Values.Where(m => m.ContainerId is not null).DistinctBy(m => m.ContainerId).ToDictionary(m => m.ContainerId!, StringComparer.Ordinal);
        foreach (var backend in backends.Values)
        {
            members.AddOrUpdate(
                backend.Container,
                _ => Renamed(byId, backend) ?? NewMember(backend),
                (_, known) =>
                {
                    // A replacement, or the same container started again after sky drained and stopped it (a
                    // restart keeps the id): a new life, with a fresh breaker and no drain.
                    if (known.ContainerId != backend.ContainerId || (known.Draining && backend.State != BackendState.Draining))
                    {
                        return NewMember(backend);
                    }

                    known.Backend = backend;
                    return known;
                });
        }

        foreach (var name in members.Keys)
        {
            if (!backends.ContainsKey(name))
            {
                members.TryRemove(name, out _);
            }
        }

        Volatile.Write(ref table, next);
        TableChanged?.Invoke(next);
    }

    /// <summary>
    /// The member of the same container known under another name (renamed to retire in a start-first rollout), now under
    /// this one: its requests in flight stay counted, so draining it waits for them.
    /// </summary>
    private static PoolMember? Renamed(Dictionary<string, PoolMember> byId, Backend backend)
    {
        if (backend.ContainerId is null || !byId.TryGetValue(backend.ContainerId, out var known) || known.Container == backend.Container)
        {
            return null;
        }

        known.Backend = backend;
        return known;
    }

    private PoolMember NewMember(Backend backend)
    {
        PoolMember? member = null;
        member = new PoolMember(backend, new ContainerBreaker(backend.Container, backend.Settings.Breaker, Time, transition => BreakerChanged?.Invoke(member!, transition)));
        return member;
    }
}
