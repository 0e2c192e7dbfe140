namespace Sky.Router.Notices;

/// <summary>
/// What the router tells the rest of the daemon: each ejection and re-admission (for the event log), and an instance
/// whose every container is ejected, or that takes traffic again (for the maintainer's alerts).
/// </summary>
public interface IRouterNotices
{
    void ContainerEjected(string service, string instance, string container, string message);

    void ContainerReadmitted(string service, string instance, string container, string message);

    void InstanceEjected(string service, string instance, string container, string message);

    void InstanceRecovered(string service, string instance, string container, string message);
}
