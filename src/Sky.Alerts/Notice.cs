namespace Sky.Alerts;

/// <summary>A message to send about an incident, and the priorities whose channels it goes to.</summary>
public sealed record Notice(NoticeKind Kind, Incident Incident, IReadOnlyList<AlertPriority> Priorities);
