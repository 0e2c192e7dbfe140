namespace Sky.Model.Deploys;

/// <summary>Which goes first when a container is replaced during a rollout.</summary>
public enum DeployOrder
{
    /// <summary>The new container starts and passes its checks before the old one is drained and stopped.</summary>
    StartFirst,

    /// <summary>The old container is drained and stopped, then the new one starts.</summary>
    StopFirst,
}
