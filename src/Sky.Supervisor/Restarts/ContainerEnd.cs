namespace Sky.Supervisor.Restarts;

/// <summary>How a wanted container came to be not running (or not well), as the supervisor tells it from the engine.</summary>
public enum ContainerEnd
{
    /// <summary>It exited with a non-zero code or was OOM-killed while sky watched.</summary>
    Failed,

    /// <summary>It exited with code 0 while sky watched.</summary>
    Succeeded,

    /// <summary>Someone stopped it (<c>docker stop</c>): the engine reported a stop.</summary>
    StoppedByHand,

    /// <summary>It was already stopped when sky first looked (after a daemon restart): why is unknown.</summary>
    FoundStopped,

    /// <summary>It is gone (<c>docker rm -f</c>) although its instance is wanted running.</summary>
    Removed,

    /// <summary>The engine stopped it while going down (an engine restart): not the container's doing, nor a person's.</summary>
    EngineStopped,

    /// <summary>It runs but its checks failed often enough.</summary>
    Unhealthy,
}
