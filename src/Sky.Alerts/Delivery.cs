namespace Sky.Alerts;

/// <summary>One message for one channel and target, queued; <see cref="AlertId"/> ties its attempts to an incident.</summary>
public sealed record Delivery(long? AlertId, IAlertChannel Channel, string Target, AlertMessage Message, string Notice);
