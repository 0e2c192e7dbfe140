namespace Sky.Alerts;

/// <summary>Where the supervisor and the scheduler report what they see; returns at once, delivery happens in the background.</summary>
public interface IAlertSink
{
    void Signal(AlertSignal signal);
}
