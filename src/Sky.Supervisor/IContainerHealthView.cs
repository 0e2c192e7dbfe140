namespace Sky.Supervisor;

/// <summary>What the supervisor knows of a container beyond the engine's view: health from its checks, restarts.</summary>
public interface IContainerHealthView
{
    /// <summary>Null when sky has nothing on that container (no checks, never restarted).</summary>
    ContainerHealth? Get(string containerName);
}
