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

    [Fact]
    public void A_daemon_with_an_identity_labels_what_it_creates_with_it_and_its_data_folder()
    {
        var naming = new Naming("t1", new DaemonIdentity("3f9a2c71b0de", "/srv/sky"));

        var labels = naming.BaseLabels(SkyLabels.ServiceKind);

        Assert.Equal("3f9a2c71b0de", labels[SkyLabels.Daemon]);
        Assert.Equal("/srv/sky", labels[SkyLabels.DaemonDataFolder]);
        Assert.Equal(new DaemonIdentity("3f9a2c71b0de", "/srv/sky"), DaemonIdentity.Of(labels));
    }

    [Fact]
    public void A_container_of_the_namespace_is_owned_when_it_carries_this_daemon_s_identity_or_none_and_foreign_when_another_s()
    {
        var mine = new Naming("t1", new DaemonIdentity("aaaa"));
        var other = new Naming("t1", new DaemonIdentity("bbbb", "/srv/other"));
        var beforeIdentities = new Naming("t1");

        Assert.True(mine.Owns(mine.BaseLabels(SkyLabels.ServiceKind)));
        Assert.True(mine.Owns(beforeIdentities.BaseLabels(SkyLabels.ServiceKind)));
        Assert.False(mine.Owns(other.BaseLabels(SkyLabels.ServiceKind)));
        Assert.Null(mine.ForeignDaemon(mine.BaseLabels(SkyLabels.ServiceKind)));
        Assert.Null(mine.ForeignDaemon(beforeIdentities.BaseLabels(SkyLabels.ServiceKind)));
        Assert.Equal(new DaemonIdentity("bbbb", "/srv/other"), mine.ForeignDaemon(other.BaseLabels(SkyLabels.JobKind)));
    }

    [Fact]
    public void What_is_not_sky_s_or_of_another_namespace_is_neither_owned_nor_foreign()
    {
        var mine = new Naming("t1", new DaemonIdentity("aaaa"));
        var elsewhere = new Naming("t2", new DaemonIdentity("bbbb")).BaseLabels(SkyLabels.ServiceKind);
        var stranger = new Dictionary<string, string> { [SkyLabels.Namespace] = "t1", [SkyLabels.Daemon] = "bbbb" };

        Assert.False(mine.Owns(elsewhere));
        Assert.Null(mine.ForeignDaemon(elsewhere));
        Assert.False(mine.Owns(stranger));
        Assert.Null(mine.ForeignDaemon(stranger));
    }

    [Fact]
    public void A_naming_without_an_identity_owns_only_what_carries_none()
    {
        var code = new Naming("t1");

        Assert.DoesNotContain(SkyLabels.Daemon, code.BaseLabels(SkyLabels.ServiceKind).Keys);
        Assert.False(code.Owns(new Naming("t1", new DaemonIdentity("bbbb")).BaseLabels(SkyLabels.ServiceKind)));
    }
}
