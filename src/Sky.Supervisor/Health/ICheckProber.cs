using Sky.Model;

namespace Sky.Supervisor.Health;

/// <summary>Runs one lifecycle check against one container; the engine-backed <see cref="CheckProber"/> in the daemon.</summary>
public interface ICheckProber
{
    /// <summary>
    /// Runs the check once <paramref name="after"/> has passed. The wait is the prober's, so that it can wait and probe
    /// on one thread of its own (<see cref="ProbeThreads"/>).
    /// </summary>
    Task<CheckOutcome> ProbeAsync(CheckSpec check, ContainerSpec spec, string containerId, IReadOnlyDictionary<int, int> published, TimeSpan after, CancellationToken cancellationToken);
}
