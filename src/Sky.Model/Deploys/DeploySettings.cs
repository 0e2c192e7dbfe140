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

    public DeployOrder Order { get; init; } = DeployOrder.StartFirst;

    /// <summary>The share of replicas (0 to 1) that stays healthy through a rollout.</summary>
    public double MinHealthy { get; init; } = 1.0;

    public TimeSpan HealthTimeout { get; init; } = DefaultHealthTimeout;

    public bool AutoRollback { get; init; } = true;
}
