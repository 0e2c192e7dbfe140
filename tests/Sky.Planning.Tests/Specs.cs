using System.Globalization;
using Sky.Model;

namespace Sky.Planning.Tests;

/// <summary>Builds desired state by hand, named as the configuration would name it.</summary>
internal static class Specs
{
    private static readonly Naming Naming = new();

    public static ContainerSpec Container(
        string service,
        string instance,
        string role = SkyLabels.MainRole,
        int replica = 1,
        string image = "app:1.0",
        IReadOnlyList<string>? dependsOn = null,
        IReadOnlyList<VolumeMount>? volumes = null,
        IReadOnlyDictionary<string, string>? env = null)
    {
        var labels = Naming.BaseLabels(SkyLabels.ServiceKind);
        labels[SkyLabels.Service] = service;
        labels[SkyLabels.Instance] = instance;
        labels[SkyLabels.Role] = role;
        labels[SkyLabels.Replica] = replica.ToString(CultureInfo.InvariantCulture);
        return new ContainerSpec
        {
            Name = Naming.Container(service, instance, role, replica),
            Service = service,
            Instance = instance,
            Role = role,
            Replica = replica,
            Definition = role == SkyLabels.MainRole ? service : role,
            Image = image,
            Network = Naming.Network(service, instance),
            NetworkAliases = role == SkyLabels.MainRole ? [] : [role],
            DependsOn = dependsOn ?? [],
            Volumes = volumes ?? [],
            Environment = env ?? new Dictionary<string, string>(),
            Labels = labels,
        };
    }

    public static InstanceSpec Instance(string service, string instance, params ContainerSpec[] containers) => new()
    {
        Service = service,
        Name = instance,
        Network = Naming.Network(service, instance),
        Containers = containers,
    };

    /// <summary>The mission's example: production and dev instances of my-application, each with its own database.</summary>
    public static IReadOnlyList<InstanceSpec> MyApplication(string productionVersion = "1.0-SNAPSHOT", string devVersion = "1.1-dev") =>
    [
        MyApplicationInstance("production", productionVersion, "production", "my-application.localhost"),
        MyApplicationInstance("dev", devVersion, "staging", "dev.my-application.localhost"),
    ];

    private static InstanceSpec MyApplicationInstance(string instance, string version, string runtimeEnv, string host)
    {
        var database = Container(
            "my-application",
            instance,
            role: "database",
            image: "cassandra:1.0-SNAPSHOT",
            env: new Dictionary<string, string> { ["RUNTIME_ENV"] = "production" }) with
        { Ports = [9042], MemoryBytes = 10L << 30 };
        var app = Container(
            "my-application",
            instance,
            image: $"my-application:{version}",
            dependsOn: [database.Name],
            env: new Dictionary<string, string>
            {
                ["RUNTIME_ENV"] = runtimeEnv,
                ["VIRTUAL_HOST"] = host,
                ["DATABASE_HOST"] = "database",
                ["DATABASE_PORT"] = "9042",
            }) with
        { Ports = [8080], MemoryBytes = 1L << 30 };
        return Instance("my-application", instance, database, app);
    }
}
