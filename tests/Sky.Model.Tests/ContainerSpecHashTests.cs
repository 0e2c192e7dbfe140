using System.Reflection;

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

    /// <summary>Every property set and every list filled, so that changing each of them can be tried.</summary>
    private static readonly ContainerSpec Full = new()
    {
        Name = "shop-production-database",
        Service = "shop",
        Instance = "production",
        Role = "database",
        Replica = 1,
        Definition = "database",
        Image = "postgres:16",
        Command = ["postgres", "-c", "fsync=off"],
        Environment = new Dictionary<string, string> { ["POSTGRES_DB"] = "shop", ["PGDATA"] = "/data" },
        Ports = [5432, 9187],
        MemoryBytes = 1L << 30,
        Cpus = 0.5,
        Volumes = [new VolumeMount("sky-data", "/data", false, false), new VolumeMount("/etc/pg", "/etc/pg", true, true)],
        Network = "sky-shop-production",
        NetworkAliases = ["database"],
        Checks = [new CheckSpec { Kind = CheckKind.Http, Path = "/health", Port = 5432 }],
        Restart = new RestartPolicy(RestartMode.OnFailure, 5),
        DependsOn = ["shop-production-cache"],
        Labels = new Dictionary<string, string> { [SkyLabels.Service] = "shop" },
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

    [Fact]
    public void The_hash_of_a_known_spec_is_the_one_running_containers_carry()
    {
        // Running containers carry their hash in the sky.config-hash label: a different digest for the same spec
        // (another spelling or order of the hashed text) replaces every container once after an upgrade.
        Assert.Equal("8eb2fd9a1f23731b", Full.ConfigHash);
    }

    [Fact]
    public void Every_property_of_a_container_spec_is_hashed_or_left_out_with_a_reason()
    {
        var properties = Properties.Select(p => p.Name).ToList();
        var forgotten = properties.Except(ContainerSpecHash.Hashed).Except(ContainerSpecHash.Excluded.Keys).ToList();
        var unknown = ContainerSpecHash.Hashed.Concat(ContainerSpecHash.Excluded.Keys).Except(properties).ToList();

        Assert.True(forgotten.Count == 0,
            $"ContainerSpec.{string.Join(", ContainerSpec.", forgotten)} is neither hashed nor excluded: add it to ContainerSpecHash, "
            + "to its parts if a change needs a new container, else to Excluded with the reason");
        Assert.True(unknown.Count == 0, $"ContainerSpecHash names {string.Join(", ", unknown)}, which ContainerSpec does not have");
        Assert.Empty(ContainerSpecHash.Hashed.Intersect(ContainerSpecHash.Excluded.Keys));
        Assert.All(ContainerSpecHash.Excluded.Values, reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
    }

    [Fact]
    public void Changing_any_property_that_is_not_excluded_changes_the_hash()
    {
        var tried = 0;
        foreach (var property in Properties.Where(p => !ContainerSpecHash.Excluded.ContainsKey(p.Name)))
        {
            foreach (var (what, changed) in Variations.OfProperty(Full, property))
            {
                Assert.True(Full.ConfigHash != changed.ConfigHash, $"{what} leaves the hash as it is, so the container would not be replaced");
                tried++;
            }
        }

        Assert.True(tried > ContainerSpecHash.Hashed.Count);
    }

    [Fact]
    public void Changing_an_excluded_property_keeps_the_hash()
    {
        foreach (var property in Properties.Where(p => ContainerSpecHash.Excluded.ContainsKey(p.Name) && p.CanWrite))
        {
            foreach (var (what, changed) in Variations.OfProperty(Full, property))
            {
                Assert.True(Full.ConfigHash == changed.ConfigHash, $"{what} changes the hash, though ContainerSpecHash excludes {property.Name}");
            }
        }
    }

    private static IEnumerable<PropertyInfo> Properties => typeof(ContainerSpec).GetProperties(BindingFlags.Public | BindingFlags.Instance);
}
