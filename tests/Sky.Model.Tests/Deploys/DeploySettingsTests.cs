using Sky.Model.Deploys;

namespace Sky.Model.Tests.Deploys;

public sealed class DeploySettingsTests
{
    private static ContainerSpec Container(params VolumeMount[] volumes) => new()
    {
        Name = "web",
        Service = "web",
        Instance = "default",
        Role = SkyLabels.MainRole,
        Definition = "web",
        Image = "web:1",
        Network = "sky-web",
        Volumes = volumes,
    };

    /// <summary>Default is built when the type is first used: every default must be in place by then, not 0.</summary>
    [Fact]
    public void The_shared_default_has_every_default_value()
    {
        Assert.Equal(new DeploySettings(), DeploySettings.Default);
        Assert.Equal(
            (1, (DeployOrder?)null, 1.0, TimeSpan.FromSeconds(60), true),
            (DeploySettings.Default.Parallel, DeploySettings.Default.Order, DeploySettings.Default.MinHealthy,
                DeploySettings.Default.HealthTimeout, DeploySettings.Default.AutoRollback));
    }

    [Fact]
    public void Without_an_order_a_container_is_replaced_start_first_unless_it_writes_a_named_volume()
    {
        var settings = DeploySettings.Default;

        Assert.Equal(DeployOrder.StartFirst, settings.OrderFor(Container()));
        Assert.Equal(DeployOrder.StartFirst, settings.OrderFor(Container(new VolumeMount("/srv/web", "/www", IsHostPath: true, ReadOnly: false))));
        Assert.Equal(DeployOrder.StartFirst, settings.OrderFor(Container(new VolumeMount("assets", "/www", IsHostPath: false, ReadOnly: true))));
        Assert.Equal(DeployOrder.StopFirst, settings.OrderFor(Container(new VolumeMount("data", "/var/lib/db", IsHostPath: false, ReadOnly: false))));
    }

    [Fact]
    public void A_written_order_holds_whatever_the_container_mounts()
    {
        var settings = new DeploySettings { Order = DeployOrder.StartFirst };

        Assert.Equal(DeployOrder.StartFirst, settings.OrderFor(Container(new VolumeMount("data", "/var/lib/db", IsHostPath: false, ReadOnly: false))));
    }

    [Theory]
    [InlineData(1, 1.0, 4, 1)]
    [InlineData(3, 1.0, 4, 1)]
    [InlineData(3, 0.5, 4, 2)]
    [InlineData(1, 0.5, 4, 1)]
    [InlineData(4, 0.0, 4, 4)]
    [InlineData(2, 0.75, 4, 1)]
    [InlineData(2, 0.7, 3, 1)]
    [InlineData(2, 1.0, 1, 1)]
    public void Stop_first_batches_keep_min_healthy_of_the_replicas_up_but_replace_at_least_one(int parallel, double minHealthy, int replicas, int batch)
    {
        var settings = new DeploySettings { Parallel = parallel, MinHealthy = minHealthy };

        Assert.Equal(batch, settings.BatchSize(DeployOrder.StopFirst, replicas));
    }

    [Fact]
    public void Start_first_batches_are_parallel_wide_since_the_old_containers_serve_until_the_new_ones_are_healthy()
    {
        var settings = new DeploySettings { Parallel = 3, MinHealthy = 1.0 };

        Assert.Equal(3, settings.BatchSize(DeployOrder.StartFirst, 4));
    }
}
