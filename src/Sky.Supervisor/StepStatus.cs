namespace Sky.Supervisor;

/// <summary>Where one step of a plan stands while it is carried out.</summary>
public enum StepStatus
{
    Started,

    /// <summary>The step changed what runs and succeeded.</summary>
    Done,

    /// <summary>Nothing to do: already running, already stopped.</summary>
    Unchanged,

    /// <summary>Waiting for something before going on (a dependency's check, for instance).</summary>
    Waiting,

    Failed,

    /// <summary>Not attempted because a step it needed failed.</summary>
    Skipped,
}
