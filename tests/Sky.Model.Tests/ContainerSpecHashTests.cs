namespace Sky.Model.Tests;

public sealed class ContainerSpecHashTests
{
    private static readonly ContainerSpec Web = new()
    {
        Name = "web",
        Service = "web",
        Instance = Naming.DefaultInstance,
        Role = SkyLabels.MainRole,
        Definition = "web",
        Image = "web:1",
        Network = "sky-web",
        Environment = new Dictionary<string, string> { ["A"] = "1", ["B"] = "2" },
    };

    [Fact]
    public void What_docker_fixes_at_creation_changes_the_hash()
    {
        Assert.NotEqual(Web.ConfigHash, (Web with { Image = "web:2" }).ConfigHash);
        Assert.NotEqual(Web.ConfigHash, (Web with { Environment = new Dictionary<string, string> { ["A"] = "1" } }).ConfigHash);
        Assert.NotEqual(Web.ConfigHash, (Web with { MemoryBytes = 1 << 20 }).ConfigHash);
    }

    [Fact]
    public void Checks_restart_policy_and_environment_order_do_not_change_the_hash()
    {
        var reordered = Web with { Environment = new Dictionary<string, string> { ["B"] = "2", ["A"] = "1" } };
        var otherPolicy = Web with { Restart = new RestartPolicy(RestartMode.Always, 0), Checks = [new CheckSpec { Kind = CheckKind.Port, Port = 80 }] };

        Assert.Equal(Web.ConfigHash, reordered.ConfigHash);
        Assert.Equal(Web.ConfigHash, otherPolicy.ConfigHash);
        Assert.Equal(16, Web.ConfigHash.Length);
    }
}
