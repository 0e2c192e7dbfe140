namespace Sky.Scheduler;

/// <summary>What to do with a tick, given the runs of the job still going.</summary>
public enum OverlapDecision
{
    /// <summary>Nothing is running (or the run is forced): start now.</summary>
    Start,

    /// <summary>Record the tick as skipped.</summary>
    Skip,

    /// <summary>Keep the tick waiting; it starts when the current run ends.</summary>
    Queue,

    /// <summary>Stop what is running, then start.</summary>
    Replace,
}
