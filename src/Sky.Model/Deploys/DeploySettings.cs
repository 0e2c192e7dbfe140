namespace Sky.Model.Deploys;

/// <summary>
/// How an instance's containers are replaced when its configuration changes (<c>deploy:</c>): in batches of
/// <see cref="Parallel"/>, new before old or old before new, never below <see cref="MinHealthy"/> of the replicas
/// healthy; a batch whose new containers do not pass their checks within <see cref="HealthTimeout"/> fails the rollout,
/// and with <see cref="AutoRollback"/> the instance returns to the previous revision's spec.
/// </summary>
public sealed record DeploySettings
{
    // Before Default: static initializers run in the order written, and Default's HealthTimeout reads this one.
    public static readonly TimeSpan DefaultHealthTimeout = TimeSpan.FromSeconds(60);

    public static DeploySettings Default { get; } = new();

    public int Parallel { get; init; } = 1;

    /// <summary>The order written in the configuration; null lets <see cref="OrderFor"/> choose per container.</summary>
    public DeployOrder? Order { get; init; }

    /// <summary>The share of replicas (0 to 1) that stays healthy through a rollout.</summary>
    public double MinHealthy { get; init; } = 1.0;

    public TimeSpan HealthTimeout { get; init; } = DefaultHealthTimeout;

    public bool AutoRollback { get; init; } = true;

    /// <summary>
    /// The order a container is replaced in: the one written, else start-first, except for a container that mounts a
    /// named volume. Two copies of a database writing one volume at once can corrupt it, so unless the configuration
    /// says start-first, such a container is stopped before its replacement starts. Ports never stand in the way:
    /// sky publishes each on a port of the engine's choosing, so old and new can both listen.
    /// </summary>
    public DeployOrder OrderFor(ContainerSpec container) =>
        Order ?? (container.Volumes.Any(v => !v.IsHostPath && !v.ReadOnly) ? DeployOrder.StopFirst : DeployOrder.StartFirst);

    /// <summary>
    /// How many of <paramref name="replicas"/> containers are replaced at once. Start-first never lowers capacity (the
    /// old container serves until its replacement is healthy), so <see cref="Parallel"/> it is; stop-first takes
    /// batches small enough to keep <see cref="MinHealthy"/> of them up, but always at least one (there is no other way
    /// to replace a container stop-first).
    /// </summary>
    public int BatchSize(DeployOrder order, int replicas)
    {
        if (order == DeployOrder.StartFirst)
        {
            return Math.Max(1, Parallel);
        }

        var mayBeDown = replicas - (int)Math.Ceiling((MinHealthy * replicas) - 1e-9);
        return Math.Max(1, Math.Min(Parallel, mayBeDown));
    }
}
