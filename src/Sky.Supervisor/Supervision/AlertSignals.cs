using Sky.Alerts;
using Sky.Feed;
using Sky.Model;

namespace Sky.Supervisor.Supervision;

/// <summary>
/// The supervisor's way to the maintainer: a signal about a container, with the maintainer its service names in the
/// applied configuration (as the state feed holds it). Alerts are another part of the daemon; without them (no sink registered) sky still heals
/// and logs, and signals go nowhere.
/// </summary>
public sealed class AlertSignals(StateFeed feed, IAlertSink? alerts = null)
{
    public void Signal(SignalKind kind, ContainerSpec spec, string message)
    {
        if (alerts is null)
        {
            return;
        }

        var maintainer = feed.Current.State.FindService(spec.Service)?.Maintainer;
        alerts.Signal(new AlertSignal(kind, spec.Service, spec.Instance, spec.Name, maintainer, message));
    }
}
