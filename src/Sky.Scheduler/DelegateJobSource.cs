namespace Sky.Scheduler;

/// <summary>An <see cref="IJobSource"/> made of two functions, so the daemon can wire it without a class of its own.</summary>
public sealed class DelegateJobSource(Func<long> revision, Func<JobsSnapshot> current) : IJobSource
{
    public long CurrentRevision() => revision();

    public JobsSnapshot Current() => current();
}
