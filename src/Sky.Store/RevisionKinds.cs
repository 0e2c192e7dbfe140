namespace Sky.Store;

/// <summary>How a revision came to be.</summary>
public static class RevisionKinds
{
    public const string Apply = "apply";
    public const string Remove = "remove";
    public const string Rollback = "rollback";

    /// <summary>Made by sky itself when a rollout failed its checks.</summary>
    public const string AutoRollback = "auto-rollback";
}
