namespace Sky.Planning;

/// <summary>What one step of a <see cref="Plan"/> does. Each is carried out by the executor as one or a few engine calls.</summary>
public enum PlanAction
{
    /// <summary>Create the network if it does not exist; the planner does not observe networks, so this is idempotent.</summary>
    EnsureNetwork,

    /// <summary>Create the named volume if it does not exist (idempotent, as for networks).</summary>
    EnsureVolume,

    /// <summary>Create a missing container, then start it.</summary>
    Create,

    /// <summary>Start an existing container (created, exited or paused) whose configuration hash matches.</summary>
    Start,

    /// <summary>Remove the existing container (stopping it first if it runs), then create and start a new one.</summary>
    Replace,

    /// <summary>
    /// Replace a running container as one step of a rolling update (<see cref="PlanStep.Rolling"/> says how): start-first
    /// (the new container starts and enters the router's pool before the old one is drained and removed) or
    /// stop-first; either way the step ends only when the new container passes its checks, so the next batch waits.
    /// </summary>
    Roll,

    /// <summary>Stop a running container, keeping it for a later start.</summary>
    Stop,

    /// <summary>Remove a container (stopping it first if it runs); act on <see cref="PlanStep.Existing"/>'s id, not its name.</summary>
    Remove,

    /// <summary>Nothing to do: kept in the plan so the user is told the container already runs.</summary>
    AlreadyRunning,

    /// <summary>Nothing to do: kept in the plan so the user is told the container is already stopped or absent.</summary>
    AlreadyStopped,
}
