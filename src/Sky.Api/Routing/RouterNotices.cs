using Sky.Alerts;
using Sky.Feed;
using Sky.Router.Notices;
using Sky.Store;

namespace Sky.Api.Routing;

/// <summary>Where the router's notices go in this daemon: ejections into the event log, a whole instance ejected to the maintainer.</summary>
public sealed class RouterNotices(EventLog events, StateFeed feed, IAlertSink? alerts = null) : IRouterNotices
{
    public void ContainerEjected(string service, string instance, string container, string message) =>
        events.Append("ejected", service, instance, message);

    public void ContainerReadmitted(string service, string instance, string container, string message) =>
        events.Append("readmitted", service, instance, message);

    public void InstanceEjected(string service, string instance, string container, string message)
    {
        events.Append("all-ejected", service, instance, message);
        Signal(SignalKind.AllEjected, service, instance, container, message);
    }

    public void InstanceRecovered(string service, string instance, string container, string message)
    {
        events.Append("traffic-back", service, instance, message);
        Signal(SignalKind.Recovered, service, instance, container, message);
    }

    private void Signal(SignalKind kind, string service, string instance, string container, string message) =>
        alerts?.Signal(new AlertSignal(kind, service, instance, container, feed.Current.State.FindService(service)?.Maintainer, message));
}
