using Sky.Model;

namespace Sky.Supervisor.Health;

/// <summary>Makes the probes of one container's checks; the engine-backed <see cref="CheckProber"/> in the daemon.</summary>
public interface ICheckProber
{
    /// <summary>The probe of <paramref name="check"/> against one container, run once a round for as long as it is checked.</summary>
    ICheckProbe Prepare(CheckSpec check, ContainerSpec spec, string containerId, IReadOnlyDictionary<int, int> published);
}
