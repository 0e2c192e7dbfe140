namespace Sky.Model;

/// <summary>What the scheduler does when a run is still going at the next tick.</summary>
public enum OverlapPolicy
{
    /// <summary>Do not start the new run (the default).</summary>
    Skip,

    /// <summary>Keep one run waiting and start it when the current one ends.</summary>
    Queue,

    /// <summary>Stop the current run and start the new one.</summary>
    Replace,
}
