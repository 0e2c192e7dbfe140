using Sky.Model;

namespace Sky.Supervisor.Health;

/// <summary>Runs one lifecycle check against one container; the engine-backed <see cref="CheckProber"/> in the daemon.</summary>
public interface ICheckProber
{
    Task<CheckOutcome> ProbeAsync(CheckSpec check, ContainerSpec spec, string containerId, IReadOnlyDictionary<int, int> published, CancellationToken cancellationToken);
}
