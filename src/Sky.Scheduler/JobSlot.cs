namespace Sky.Scheduler;

/// <summary>What the scheduler knows of one job between ticks: the runs going on and the one tick waiting (queue policy).</summary>
internal sealed class JobSlot
{
    public List<ActiveRun> Active { get; } = [];

    public DueTick? Queued { get; set; }
}
