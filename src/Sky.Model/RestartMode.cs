namespace Sky.Model;

/// <summary>What sky does when a container stops by itself (mirrors Docker's restart policy names).</summary>
public enum RestartMode
{
    No,
    OnFailure,
    Always,
    UnlessStopped,
}
