namespace Sky.Supervisor.Supervision;

/// <summary>How a supervisor's request to heal an instance ended.</summary>
public enum ConvergeResult
{
    /// <summary>Nothing to do any more (not wanted running, already fixed, or the reason no longer holds).</summary>
    NotNeeded,

    /// <summary>Containers were started, created or replaced, and every step succeeded.</summary>
    Done,

    /// <summary>A step failed; the supervisor tries again after the back-off.</summary>
    Failed,

    /// <summary>A container cannot be created (its image is not on the engine): nothing was touched, and trying again cannot help.</summary>
    CannotStart,
}
