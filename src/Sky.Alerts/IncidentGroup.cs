namespace Sky.Alerts;

/// <summary>
/// Signals of one group about one instance make one incident: a failing check and the unhealthy state that follows
/// are the same trouble, restarts and a crash loop another, a failing job a third; each metric rule is its own.
/// </summary>
public enum IncidentGroup
{
    Health,
    Restarts,
    Job,

    Metric,

    Deploy,
}
