using Sky.Model.Deploys;

namespace Sky.Model.Tests.Deploys;

public sealed class DeploySettingsTests
{
    /// <summary>Default is built when the type is first used: every default must be in place by then, not 0.</summary>
    [Fact]
    public void The_shared_default_has_every_default_value()
    {
        Assert.Equal(new DeploySettings(), DeploySettings.Default);
        Assert.Equal(
            (1, DeployOrder.StartFirst, 1.0, TimeSpan.FromSeconds(60), true),
            (DeploySettings.Default.Parallel, DeploySettings.Default.Order, DeploySettings.Default.MinHealthy,
                DeploySettings.Default.HealthTimeout, DeploySettings.Default.AutoRollback));
    }
}
