using Sky.Feed;
using Sky.Model;

namespace Sky.Logs.Collection;

/// <summary>The labels a container's lines are kept with, from what the feed knows of it.</summary>
public static class SourceLabels
{
    public static LogSource From(ContainerFacts container)
    {
        var job = container.Kind == SkyLabels.JobKind;
        return new LogSource
        {
            ContainerId = container.Id,
            Container = container.Name,
            Kind = container.Kind,
            Service = job ? null : container.Service,
            Instance = container.Instance,
            Role = container.Role,
            Replica = container.Replica,
            Revision = container.Revision,
            Job = job ? container.Job ?? container.Service : container.Job,
            Run = container.Run,
        };
    }
}
