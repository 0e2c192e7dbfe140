using Sky.Configuration.Keys;
using Sky.Configuration.Reading;
using Sky.Model.Deploys;

namespace Sky.Configuration.Resolution;

/// <summary>
/// The <see cref="DeploySettings"/> of one instance from its <c>deploy:</c>, already merged over its service's: a key
/// set at neither level keeps the rollout's default. The keys are independent of each other: whether a
/// <c>min-healthy</c> leaves room for a <c>stop-first</c> batch depends on the replicas running then (<c>sky service
/// scale</c> changes them), so the rollout decides, not the configuration.
/// </summary>
internal static class DeploySettingsResolver
{
    public static DeploySettings Resolve(NestedKeys? deploy)
    {
        var defaults = DeploySettings.Default;
        if (deploy is null)
        {
            return defaults;
        }

        var keys = deploy.Values;
        return new DeploySettings
        {
            Parallel = keys.Get(DeployKeys.Parallel) ?? defaults.Parallel,
            Order = keys.Get(DeployKeys.Order) ?? defaults.Order,
            MinHealthy = keys.Get(DeployKeys.MinHealthy) ?? defaults.MinHealthy,
            HealthTimeout = keys.Get(DeployKeys.HealthTimeout) ?? defaults.HealthTimeout,
            AutoRollback = keys.Get(DeployKeys.AutoRollback) ?? defaults.AutoRollback,
        };
    }
}
