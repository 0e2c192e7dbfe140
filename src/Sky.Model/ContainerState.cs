namespace Sky.Model;

/// <summary>The engine's view of a container's life, as sky needs it.</summary>
public enum ContainerState
{
    Created,
    Running,
    Paused,
    Restarting,
    Removing,
    Exited,
    Dead,
}
