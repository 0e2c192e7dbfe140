namespace Sky.Supervisor;

/// <summary>What the supervisor knows of a container beyond the engine's view: health from its checks, restarts.</summary>
public interface IContainerHealthView
{
    /// <summary>False when nothing runs checks (then waiting for a dependency to be healthy could never end).</summary>
    bool RunsChecks => false;

    /// <summary>Null when sky has nothing on that container (no checks, never restarted).</summary>
    ContainerHealth? Get(string containerName);

    /// <summary>True when the container of that name, with that id (not an earlier one of the same name), is healthy.</summary>
    bool IsHealthy(string containerName, string containerId) => false;
}
