using Sky.Router.Breaking;
using Sky.Router.Table;

namespace Sky.Router.Down;

/// <summary>
/// Says why nothing behind a site can take a request, per instance: every container ejected by the breaker,
/// starting, being replaced, crash-looping, unable to start, failing its checks, or stopped.
/// </summary>
public static class OutageReport
{
    public static IReadOnlyList<InstanceOutage> Of(Site site, RouterState state) =>
        site.Backends
            .GroupBy(b => (b.Service, b.Instance))
            .Select(g =>
            {
                var containers = g.Select(b => new ContainerOutage(b.Container, StateOf(b, state))).ToList();
                return new InstanceOutage(g.Key.Service, g.Key.Instance, Reason(containers.Select(c => c.State).ToList()), containers);
            })
            .ToList();

    private static string StateOf(Backend backend, RouterState state) =>
        backend.State == BackendState.Ready && state.Member(backend.Container) is { } member && (member.Draining || member.Breaker.State != BreakerState.Closed)
            ? member.Draining ? "draining" : "ejected"
            : backend.State switch
            {
                BackendState.Ready => "ready",
                BackendState.Starting => "starting",
                BackendState.Unhealthy => "unhealthy",
                BackendState.CrashLooping => "crash-looping",
                BackendState.CannotStart => "cannot-start",
                BackendState.Draining => "draining",
                _ => "stopped",
            };

    /// <summary>The most hopeful word first: a page that says "starting" tells the reader to wait, "stopped" to act.</summary>
    private static string Reason(IReadOnlyList<string> states)
    {
        if (states.Contains("ejected"))
        {
            return states.All(s => s is "ejected" or "stopped") ? "every container is ejected: its requests failed" : "some containers are ejected, the others are not ready";
        }

        if (states.Contains("starting"))
        {
            return "starting";
        }

        if (states.Contains("draining") || states.Contains("ready"))
        {
            return "being restarted or replaced";
        }

        if (states.Contains("crash-looping"))
        {
            return "crash-looping: sky stopped restarting it";
        }

        if (states.Contains("cannot-start"))
        {
            return "cannot start: its image is not on the engine";
        }

        return states.Contains("unhealthy") ? "unhealthy: its checks fail" : "stopped";
    }
}
