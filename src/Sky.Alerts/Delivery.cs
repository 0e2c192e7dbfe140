namespace Sky.Alerts;

/// <summary>
/// One message for one channel and target, queued; <see cref="AlertId"/> ties its attempts to an incident, and
/// <see cref="Service"/> and <see cref="Instance"/> say whom it is about in the event log (none for a snitch notice).
/// </summary>
public sealed record Delivery(long? AlertId, IAlertChannel Channel, string Target, AlertMessage Message, string Notice, string? Service = null, string? Instance = null);
