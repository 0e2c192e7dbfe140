namespace Sky.Feed;

/// <summary>Where a container is in its life, as the engine's events tell it.</summary>
public enum ContainerPhase
{
    Created,
    Running,

    /// <summary>Ended by itself (exit, crash, out of memory).</summary>
    Died,

    /// <summary>Ended because someone (a person, sky, the engine) stopped it.</summary>
    Stopped,
    Removed,
}
