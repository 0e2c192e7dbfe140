namespace Sky.Store;

/// <summary>What became of a revision's change to a service once sky acted on it.</summary>
public static class RevisionOutcomes
{
    /// <summary>Every container it wanted running was created or replaced and started.</summary>
    public const string Deployed = "deployed";

    /// <summary>A container could not be created or started.</summary>
    public const string Failed = "failed";

    /// <summary>The rollout failed and the service went back to an earlier revision's spec.</summary>
    public const string RolledBack = "rolled back";

    /// <summary>Stored, with nothing to run: the service is not started (or is a job, or was removed).</summary>
    public const string Recorded = "recorded";
}
