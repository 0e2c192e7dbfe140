using System.Collections.Concurrent;
using Sky.Router.Breaking;
using Sky.Router.Metrics;
using Sky.Router.Pool;
using Sky.Router.Table;

namespace Sky.Router.Notices;

/// <summary>
/// Turns breaker transitions into what people see: an event per ejection and per full re-admission, the ejection
/// counted in the request metrics, and an alert when every running container of an instance is ejected (the
/// instance takes no traffic at all), closed when one of them is back.
/// </summary>
public sealed class EjectionWatch(RouterState state, RequestMetrics metrics, IRouterNotices notices)
{
    private readonly ConcurrentDictionary<(string Service, string Instance), bool> instancesDown = new();

    public void Start() => state.BreakerChanged += OnTransition;

    private void OnTransition(PoolMember member, BreakerTransition transition)
    {
        var backend = member.Backend;
        if (transition.To == BreakerState.Ejected)
        {
            metrics.Ejected(member.Route);
            notices.ContainerEjected(backend.Service, backend.Instance, backend.Container,
                $"router ejected {backend.Container} for {transition.EjectedFor.TotalSeconds:0.#} s (ejection {transition.Ejections}): {transition.WindowFailures} of {transition.WindowRequests} requests failed");
            if (EveryContainerEjected(backend) && instancesDown.TryAdd((backend.Service, backend.Instance), true))
            {
                notices.InstanceEjected(backend.Service, backend.Instance, backend.Container,
                    $"router ejected every container of {backend.Service}/{backend.Instance}: its requests fail, it gets no traffic");
            }
        }
        else if (transition.To == BreakerState.Closed)
        {
            notices.ContainerReadmitted(backend.Service, backend.Instance, backend.Container, $"router re-admitted {backend.Container} fully");
        }

        if (transition.To is BreakerState.Probing or BreakerState.Ramping or BreakerState.Closed && instancesDown.TryRemove((backend.Service, backend.Instance), out _))
        {
            notices.InstanceRecovered(backend.Service, backend.Instance, backend.Container,
                $"router sends {backend.Service}/{backend.Instance} traffic again ({backend.Container} {Word(transition.To)})");
        }
    }

    private bool EveryContainerEjected(Backend ejected) =>
        state.Members
            .Where(m => m.Backend.Service == ejected.Service && m.Backend.Instance == ejected.Instance && m.Backend.State == BackendState.Ready)
            .All(m => m.Breaker.State == BreakerState.Ejected);

    private static string Word(BreakerState state) => state switch
    {
        BreakerState.Probing => "takes trial requests",
        BreakerState.Ramping => "takes a growing share",
        _ => "takes its full share",
    };
}
