using Sky.Contracts;
using Sky.Feed;
using Sky.Model;

namespace Sky.Api.Views;

/// <summary>
/// <c>sky service list</c> from the state feed's snapshot (the applied revision and the containers the engine reports
/// with their health) and the intents people expressed: no engine call, so the list is cheap however many services.
/// </summary>
public static class ServiceListViews
{
    public static ServiceListView From(FeedSnapshot snapshot, IReadOnlySet<(string Service, string Instance)> wanted) => new(
        snapshot.Revision,
        snapshot.State.Services.Select(s => new ServiceSummaryView(s.Name, s.Instances.Select(i => Instance(snapshot, i, wanted.Contains((i.Service, i.Name)))).ToList())).ToList(),
        snapshot.State.Jobs.Select(j => new JobSummaryView(j.Name, j.Every)).ToList());

    /// <summary>One instance's summary; the dashboard's overview shows the same words.</summary>
    public static InstanceSummaryView Instance(FeedSnapshot snapshot, InstanceSpec instance, bool wanted)
    {
        var containers = instance.Containers.Select(c => (Facts: snapshot.Containers.GetValueOrDefault(c.Name), Health: snapshot.HealthOf(c.Name)?.Health)).ToList();
        var running = containers.Count(c => c.Facts?.Phase == ContainerPhase.Running);
        var healths = containers.Select(c => c.Health).ToList();
        var state = healths.Contains("crash-looping") ? "crash-looping"
            : running == 0 ? wanted ? "down" : "stopped"
            : running < containers.Count ? "partly running"
            : healths.Contains("unhealthy") ? "unhealthy"
            : healths.Contains("starting") ? "starting"
            : "running";
        var version = instance.Containers.FirstOrDefault(c => c.Role == SkyLabels.MainRole)?.Image;
        return new InstanceSummaryView(instance.Name, wanted, version, state, running, containers.Count);
    }
}
