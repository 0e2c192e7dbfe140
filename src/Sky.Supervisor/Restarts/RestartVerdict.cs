namespace Sky.Supervisor.Restarts;

/// <summary>What the restart policy says about a container that ended.</summary>
public enum RestartVerdict
{
    /// <summary>Leave it as it is (the policy does not restart this kind of end).</summary>
    Leave,

    /// <summary>Bring it back after the back-off.</summary>
    Restart,

    /// <summary>It used up its retries: stop restarting until someone starts or restarts it.</summary>
    CrashLoop,

    /// <summary>It cannot be created (its image is not on the engine): leave it until someone acts or it runs again.</summary>
    CannotStart,
}
