using System.Globalization;
using Sky.Contracts;
using Sky.Feed;
using Sky.Feed.Changes;

namespace Sky.Api.Events;

/// <summary>Turns the feed's items into their wire shapes, each change with a sentence that says what happened.</summary>
public static class FeedViews
{
    public static FeedSnapshotView Snapshot(FeedSnapshot snapshot, string? service) => new(
        snapshot.Sequence,
        snapshot.Revision,
        snapshot.EngineConnected,
        snapshot.State.Services.Select(s => s.Name).Where(n => service is null || n == service).ToList(),
        snapshot.State.Jobs.Select(j => j.Name).Where(n => service is null || n == service).ToList(),
        snapshot.Containers.Values
            .Where(c => service is null || c.Service == service)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => Container(c, snapshot.HealthOf(c.Name)))
            .ToList());

    public static FeedContainerView Container(ContainerFacts facts, HealthFacts? health) => new()
    {
        Name = facts.Name,
        Id = facts.Id,
        Kind = facts.Kind,
        Service = facts.Service,
        Instance = facts.Instance,
        Role = facts.Role,
        Phase = Phase(facts.Phase),
        HostPorts = facts.HostPorts,
        Health = health?.Health,
        LastCheck = health?.LastCheck,
        ExitCode = facts.ExitCode,
    };

    public static FeedChangeView Change(FeedChange change)
    {
        var view = new FeedChangeView { Sequence = change.Sequence, Time = change.Time, Type = "change", Message = string.Empty, Service = change.Service };
        return change switch
        {
            DesiredStateChanged desired => view with
            {
                Type = "desired-state",
                Revision = desired.Revision,
                Message = $"revision {desired.Revision} applied from {desired.Source}: {desired.State.Services.Count} service(s), {desired.State.Jobs.Count} job(s)",
            },
            ContainerChanged changed => view with
            {
                Type = "container",
                Instance = changed.Container.Instance,
                Container = changed.Container.Name,
                Phase = Phase(changed.Container.Phase),
                HostPorts = changed.Container.HostPorts.Count > 0 ? changed.Container.HostPorts : null,
                ExitCode = changed.Container.ExitCode,
                Message = changed.PreviousName is { } previous ? $"{previous} renamed {changed.Container.Name}" : ContainerSentence(changed.Container),
            },
            ContainersListed listed => view with
            {
                Type = "containers-listed",
                Message = $"the engine lists {listed.Containers.Count} container(s) of sky's",
            },
            HealthChanged health => view with
            {
                Type = "health",
                Instance = health.Health.Instance,
                Container = health.Health.Container,
                Health = health.Health.Health,
                Previous = health.Previous,
                LastCheck = health.Health.LastCheck,
                Message = health.Health.Health is { } now
                    ? $"{health.Health.Container} is {now}" + (health.Health.LastCheck is { Length: > 0 } last ? $" ({last})" : string.Empty)
                    : $"{health.Health.Container} has no health while it does not run",
            },
            ActivityRecorded activity => view with
            {
                Type = "activity",
                Instance = activity.Instance,
                EventId = activity.Id,
                Kind = activity.Kind,
                Message = activity.Message,
            },
            JobRunChanged run => view with
            {
                Type = "job-run",
                Run = run.Run,
                State = run.State,
                ExitCode = run.ExitCode,
                Message = $"job {run.Job} run {run.Run.ToString(CultureInfo.InvariantCulture)} {run.State}"
                    + (run.ExitCode is { } code ? $" (exit {code.ToString(CultureInfo.InvariantCulture)})" : string.Empty)
                    + (run.Message is { Length: > 0 } why ? $": {why}" : string.Empty),
            },
            AlertChanged alert => view with
            {
                Type = "alert",
                Instance = alert.Instance,
                AlertId = alert.Id,
                Kind = alert.Kind,
                Priority = alert.Priority,
                State = alert.State,
                Message = $"alert {alert.Id.ToString(CultureInfo.InvariantCulture)} ({alert.Priority}, {alert.State}): {alert.Message}",
            },
            EngineConnectionChanged engine => view with
            {
                Type = "engine",
                Connected = engine.Connected,
                Message = engine.Connected ? "the Docker engine is reachable" : $"lost the Docker engine's event stream: {engine.Reason}",
            },
            _ => view with { Message = change.GetType().Name },
        };
    }

    private static string ContainerSentence(ContainerFacts container) => container.Phase switch
    {
        ContainerPhase.Created => $"{container.Name} created",
        ContainerPhase.Running => $"{container.Name} running" + (container.HostPorts.Count > 0
            ? " on " + string.Join(", ", container.HostPorts.OrderBy(p => p.Key).Select(p => $"127.0.0.1:{p.Value.ToString(CultureInfo.InvariantCulture)} (port {p.Key.ToString(CultureInfo.InvariantCulture)})"))
            : string.Empty),
        ContainerPhase.Died => $"{container.Name} died" + (container.ExitCode is { } code ? $" (exit {code.ToString(CultureInfo.InvariantCulture)})" : string.Empty),
        ContainerPhase.Stopped => $"{container.Name} stopped",
        ContainerPhase.Removed => $"{container.Name} removed",
        _ => container.Name,
    };

    private static string Phase(ContainerPhase phase) => phase.ToString().ToLowerInvariant();
}
