namespace Sky.Alerts;

/// <summary>What the supervisor or the scheduler saw happen to a container, an instance or a job run.</summary>
public enum SignalKind
{
    /// <summary>One lifecycle check failed (the container may not be unhealthy yet).</summary>
    CheckFailed,

    /// <summary>The checks failed often enough that the container counts as unhealthy.</summary>
    Unhealthy,

    /// <summary>The container died or was replaced and sky restarted it.</summary>
    Restarted,

    /// <summary>Restarts follow each other too fast: the restart policy gave up or is backing off.</summary>
    CrashLooping,

    /// <summary>A container cannot be created (its image is not on the engine): sky stops trying until someone acts.</summary>
    CannotStart,

    /// <summary>The router ejected every running container of the instance: their requests fail, it gets no traffic.</summary>
    AllEjected,

    /// <summary>The instance is healthy again: closes its health and restart incidents.</summary>
    Recovered,

    /// <summary>A job run ended with a non-zero exit code, timed out or could not start.</summary>
    JobFailed,

    /// <summary>A metric rule of the instance holds (above or below its threshold for long enough, or changed that much).</summary>
    MetricRule,

    /// <summary>The metric rule no longer holds: closes that rule's incident.</summary>
    MetricRecovered,

    /// <summary>A job run ended well: closes the job's open incident, and notifies when the job asks for it.</summary>
    JobCompleted,

    /// <summary>A rollout's new containers did not pass their checks in time: told once, with whether it was rolled back.</summary>
    RolloutFailed,

    /// <summary>A watched folder changed into a configuration with errors: nothing of it was applied.</summary>
    ConfigurationRejected,
}
