using Sky.Model;

namespace Sky.Configuration.Tests;

/// <summary>The mission's own configurations (the repository's examples/) must work as written.</summary>
public class ExamplesTests
{
    private static ConfigurationResult LoadExamples(Naming? naming = null) =>
        ConfigurationLoader.Load(ConfigurationFiles.Read(TestConfig.ExamplesFolder), naming ?? new Naming());

    [Fact]
    public void Both_examples_load_with_no_error()
    {
        var result = LoadExamples();

        Assert.True(result.IsValid, string.Join('\n', result.Errors));
        Assert.Equal(["my-application", "database"], result.State!.Services.Select(s => s.Name));
        Assert.Equal(["still-alive"], result.State.Jobs.Select(j => j.Name));
    }

    [Fact]
    public void My_application_starts_four_containers_in_the_mission_order()
    {
        var service = LoadExamples().State!.FindService("my-application")!;

        var names = service.Instances.SelectMany(i => i.Containers).Select(c => c.Name);

        Assert.Equal(
            ["my-application-production-database", "my-application-production", "my-application-dev-database", "my-application-dev"],
            names);
    }

    [Fact]
    public void Each_instance_has_its_own_network_and_its_own_database()
    {
        var service = LoadExamples().State!.FindService("my-application")!;

        var production = Assert.Single(service.Instances, i => i.Name == "production");
        Assert.Equal("sky-my-application-production", production.Network);
        Assert.All(production.Containers, c => Assert.Equal("sky-my-application-production", c.Network));
        var database = production.Containers[0];
        Assert.Equal("database", database.Role);
        Assert.Equal("database", database.Definition);
        Assert.Equal(["database"], database.NetworkAliases);
        Assert.Empty(database.DependsOn);
        var app = production.Containers[1];
        Assert.Equal(SkyLabels.MainRole, app.Role);
        Assert.Equal(["my-application"], app.NetworkAliases);
        Assert.Equal(["my-application-production-database"], app.DependsOn);
    }

    [Fact]
    public void Containers_get_the_images_memory_and_ports_of_their_entries()
    {
        var state = LoadExamples().State!;

        var production = TestConfig.Container(state, "my-application-production");
        Assert.Equal("my-application:1.0-SNAPSHOT", production.Image);
        Assert.Equal(1073741824, production.MemoryBytes);
        Assert.Equal([8080], production.Ports);
        Assert.Equal("my-application:1.1-dev", TestConfig.Container(state, "my-application-dev").Image);
        var database = TestConfig.Container(state, "my-application-production-database");
        Assert.Equal("cassandra:1.0-SNAPSHOT", database.Image);
        Assert.Equal(10L * 1024 * 1024 * 1024, database.MemoryBytes);
        Assert.Equal([9042], database.Ports);
    }

    [Fact]
    public void The_application_is_told_where_its_database_listens()
    {
        var state = LoadExamples().State!;

        var production = TestConfig.Container(state, "my-application-production").Environment;
        Assert.Equal("production", production["RUNTIME_ENV"]);
        Assert.Equal("my-application.localhost", production["VIRTUAL_HOST"]);
        Assert.Equal("database", production["DATABASE_HOST"]);
        Assert.Equal("9042", production["DATABASE_PORT"]);
        Assert.Equal("9042", production["DATABASE_PORT_1"]);
        var dev = TestConfig.Container(state, "my-application-dev").Environment;
        Assert.Equal("staging", dev["RUNTIME_ENV"]);
        Assert.Equal("dev.my-application.localhost", dev["VIRTUAL_HOST"]);
        Assert.Equal("database", dev["DATABASE_HOST"]);
        Assert.Equal(["RUNTIME_ENV"], TestConfig.Container(state, "my-application-dev-database").Environment.Keys);
    }

    [Fact]
    public void Containers_carry_the_sky_labels_and_their_config_hash()
    {
        var container = TestConfig.Container(LoadExamples().State!, "my-application-dev-database");

        Assert.Equal("true", container.Labels[SkyLabels.Managed]);
        Assert.Equal(Naming.DefaultNamespace, container.Labels[SkyLabels.Namespace]);
        Assert.Equal(SkyLabels.ServiceKind, container.Labels[SkyLabels.Kind]);
        Assert.Equal("my-application", container.Labels[SkyLabels.Service]);
        Assert.Equal("dev", container.Labels[SkyLabels.Instance]);
        Assert.Equal("database", container.Labels[SkyLabels.Role]);
        Assert.Equal("1", container.Labels[SkyLabels.Replica]);
        Assert.Equal(container.ConfigHash, container.Labels[SkyLabels.ConfigHash]);
    }

    [Fact]
    public void The_http_check_and_default_restart_policy_are_resolved()
    {
        var app = TestConfig.Container(LoadExamples().State!, "my-application-production");

        var check = Assert.Single(app.Checks);
        Assert.Equal(CheckKind.Http, check.Kind);
        Assert.Equal("/health", check.Path);
        Assert.Equal(8080, check.Port);
        Assert.Equal(TimeSpan.FromSeconds(5), check.Interval);
        Assert.Equal(RestartPolicy.Default, app.Restart);
    }

    [Fact]
    public void A_namespace_prefixes_container_and_network_names()
    {
        var service = LoadExamples(new Naming("t1")).State!.FindService("my-application")!;

        var production = service.Instances[0];
        Assert.Equal("t1-sky-my-application-production", production.Network);
        Assert.Equal(["t1-my-application-production-database", "t1-my-application-production"], production.Containers.Select(c => c.Name));
        Assert.Equal(["t1-my-application-production-database"], production.Containers[1].DependsOn);
        Assert.Equal("t1", production.Containers[1].Labels[SkyLabels.Namespace]);
    }

    [Fact]
    public void The_still_alive_job_is_a_recurrent_job_that_notifies()
    {
        var job = LoadExamples().State!.FindJob("still-alive")!;

        Assert.Equal("base:0.7", job.Image);
        Assert.Equal("1 day at 17:00", job.Every);
        Assert.True(job.NotifyOnCompletion);
        Assert.Equal(["/bin/sh", "-c", "echo \"Hey I'm still alive!\""], job.Command);
        Assert.Equal(new Maintainer("Jane Doe", "jane@example.com"), job.Maintainer);
        Assert.Equal("still-alive.yml:2", job.Source);
        Assert.Null(job.TimeZone);
    }
}
