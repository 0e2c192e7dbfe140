using Sky.Contracts;
using Sky.Model;
using Sky.Supervisor;

namespace Sky.Api.Views;

/// <summary>The supervisor's status records and the applied revision in their wire shapes: the API's only way out for them.</summary>
public static class StatusViews
{
    public static ContainerStatusView From(ContainerStatus container) => new()
    {
        Name = container.Name,
        Service = container.Service,
        Instance = container.Instance,
        Role = container.Role,
        Id = container.Id,
        State = container.State,
        Image = container.Image,
        Revision = container.Revision,
        UpToDate = container.UpToDate,
        Checked = container.Checked,
        Health = container.Health,
        LastCheck = container.LastCheck,
        Restarts = container.Restarts,
        Ports = container.Ports,
        Created = container.Created,
        Foreign = container.ForeignDaemon is { } other ? new DaemonIdentityView(other.Id, other.DataFolder) : null,
    };

    public static InstanceStatusView From(InstanceStatus instance) =>
        new(instance.Name, instance.WantedRunning, instance.Containers.Select(From).ToList());

    public static ServiceStatusView From(ServiceStatus service) =>
        new(service.Name, service.Maintainer, service.Revision, service.Instances.Select(From).ToList());
}
