namespace Sky.Supervisor.Rollouts;

/// <summary>The ends of a rollout, as <c>sky deploy --wait</c> reports them.</summary>
public static class RolloutStates
{
    public const string Healthy = "healthy";
    public const string RolledBack = "rolled-back";
    public const string Failed = "failed";

    /// <summary>A later apply changed the instance before this rollout was judged: the later one is what counts.</summary>
    public const string Superseded = "superseded";
}
