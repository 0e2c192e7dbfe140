namespace Sky.Alerts;

/// <summary>Why a message goes out about an incident.</summary>
public enum NoticeKind
{
    /// <summary>The first failure: the incident opens.</summary>
    Opened,

    /// <summary>Another failure of an open incident: counted and stored, sent nowhere (no storm).</summary>
    Repeated,

    /// <summary>Enough consecutive failures (or a crash loop): the high-priority channel too.</summary>
    Escalated,

    /// <summary>Still open after the quiet period.</summary>
    Reminder,

    /// <summary>It recovered: the incident closes.</summary>
    Resolved,

    /// <summary>Its service or job is no longer in the configuration: the incident closes, there is nothing to recover.</summary>
    Withdrawn,

    /// <summary>A job ended well and asked to be told so; no incident.</summary>
    Completed,

    /// <summary>Something that needs telling once and no recovery (a failed rollout): recorded closed, nothing to follow.</summary>
    Announced,
}
