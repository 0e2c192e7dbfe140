namespace Sky.Model.Tests;

public sealed class NamingTests
{
    [Fact]
    public void A_daemon_without_a_namespace_uses_the_mission_names()
    {
        var naming = new Naming();

        Assert.Equal("my-application-production", naming.Container("my-application", "production", SkyLabels.MainRole));
        Assert.Equal("my-application-production-database", naming.Container("my-application", "production", "database"));
        Assert.Equal("database", naming.Container("database", Naming.DefaultInstance, SkyLabels.MainRole));
        Assert.Equal("default", naming.BaseLabels(SkyLabels.ServiceKind)[SkyLabels.Namespace]);
    }

    [Fact]
    public void A_namespace_prefixes_every_name_and_labels_what_it_creates()
    {
        var naming = new Naming("t1");

        Assert.Equal("t1-my-application-production-database", naming.Container("my-application", "production", "database"));
        Assert.Equal("t1-sky-my-application-dev", naming.Network("my-application", "dev"));
        Assert.Equal("t1-data", naming.Volume("data"));
        Assert.Equal("t1", naming.BaseLabels(SkyLabels.ServiceKind)[SkyLabels.Namespace]);
    }

    [Fact]
    public void Replicas_after_the_first_are_numbered()
    {
        var naming = new Naming();

        Assert.Equal("web-production", naming.Container("web", "production", SkyLabels.MainRole, 1));
        Assert.Equal("web-production-2", naming.Container("web", "production", SkyLabels.MainRole, 2));
    }
}
