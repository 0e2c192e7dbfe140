namespace Sky.Router.Table;

/// <summary>Whether a container carrying a host can take requests, and if not, why: the down page says it.</summary>
public enum BackendState
{
    /// <summary>Running, its checks passing (or it has none) and answering HTTP on its published port.</summary>
    Ready,

    /// <summary>Created or running but not answering yet, or its checks have not passed yet.</summary>
    Starting,

    /// <summary>Running, but its checks fail.</summary>
    Unhealthy,

    /// <summary>Its restart policy gave up on it.</summary>
    CrashLooping,

    /// <summary>Its container cannot be created (its image is missing).</summary>
    CannotStart,

    /// <summary>Not running, or not there at all.</summary>
    Stopped,

    /// <summary>Leaving the pool: sky is about to stop or replace it, requests in flight finish.</summary>
    Draining,
}
