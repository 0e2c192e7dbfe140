using Sky.Model;

namespace Sky.Scheduler;

/// <summary>The jobs of one applied revision.</summary>
public sealed record JobsSnapshot(long Revision, IReadOnlyList<JobSpec> Jobs)
{
    public static JobsSnapshot Empty { get; } = new(0, []);
}
