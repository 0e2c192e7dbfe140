using System.Text.Json.Nodes;
using Sky.Model;

namespace Sky.Runtime.Tests;

public class ContainerCreateBodyTests
{
    private static readonly ContainerSpec Spec = new()
    {
        Name = "app-production",
        Service = "app",
        Instance = "production",
        Role = SkyLabels.MainRole,
        Definition = "app",
        Image = "app:1.0",
        Command = ["serve", "--port", "8080"],
        Environment = new Dictionary<string, string> { ["A"] = "1" },
        Ports = [8080, 9090],
        MemoryBytes = 256L * 1024 * 1024,
        Cpus = 0.5,
        Volumes = [new VolumeMount("data", "/data", false, false), new VolumeMount("/etc/app", "/config", true, true)],
        Network = "sky-app-production",
        NetworkAliases = ["app"],
        Labels = new Dictionary<string, string> { [SkyLabels.Service] = "app" },
    };

    [Fact]
    public void A_spec_becomes_the_engine_create_body_with_pascal_case_keys()
    {
        var body = ContainerCreateBody.From(Spec, new Dictionary<string, string> { ["extra"] = "yes" });

        Assert.Equal("app:1.0", (string?)body["Image"]);
        Assert.Equal(["serve", "--port", "8080"], body["Cmd"]!.AsArray().Select(c => (string?)c));
        Assert.Equal(["A=1"], body["Env"]!.AsArray().Select(c => (string?)c));
        Assert.Equal("app", (string?)body["Labels"]!["sky.service"]);
        Assert.Equal("yes", (string?)body["Labels"]!["extra"]);
        var host = body["HostConfig"]!;
        Assert.Equal(256L * 1024 * 1024, (long)host["Memory"]!);
        Assert.Equal(500_000_000L, (long)host["NanoCpus"]!);
        Assert.True((bool)host["Init"]!);
        Assert.Equal("no", (string?)host["RestartPolicy"]!["Name"]);
    }

    [Fact]
    public void Every_port_is_exposed_and_published_on_loopback_with_an_engine_chosen_port()
    {
        var body = ContainerCreateBody.From(Spec, new Dictionary<string, string>());

        Assert.Equal(["8080/tcp", "9090/tcp"], body["ExposedPorts"]!.AsObject().Select(p => p.Key));
        var binding = body["HostConfig"]!["PortBindings"]!["9090/tcp"]!.AsArray().Single()!;
        Assert.Equal("127.0.0.1", (string?)binding["HostIp"]);
        Assert.Equal(string.Empty, (string?)binding["HostPort"]);
    }

    [Fact]
    public void The_network_is_joined_at_creation_with_the_aliases()
    {
        var body = ContainerCreateBody.From(Spec, new Dictionary<string, string>());

        Assert.Equal("sky-app-production", (string?)body["HostConfig"]!["NetworkMode"]);
        Assert.Equal(["app"], body["NetworkingConfig"]!["EndpointsConfig"]!["sky-app-production"]!["Aliases"]!.AsArray().Select(a => (string?)a));
    }

    [Fact]
    public void Named_volumes_and_read_only_host_folders_become_mounts()
    {
        var mounts = ContainerCreateBody.From(Spec, new Dictionary<string, string>())["HostConfig"]!["Mounts"]!.AsArray();

        Assert.Equal(
            ["volume data /data False", "bind /etc/app /config True"],
            mounts.Select(m => $"{m!["Type"]} {m["Source"]} {m["Target"]} {(bool)m["ReadOnly"]!}"));
    }

    [Fact]
    public void A_one_off_request_can_ask_for_a_terminal_with_stdin_that_survives_detaching()
    {
        var body = ContainerCreateBody.From(new ContainerCreateRequest { Name = "shell", Image = "base:0.7", Tty = true, OpenStdin = true, Init = false });

        Assert.True((bool)body["Tty"]!);
        Assert.True((bool)body["OpenStdin"]!);
        Assert.False((bool)body["StdinOnce"]!);
        Assert.False((bool)body["HostConfig"]!["Init"]!);
        Assert.Null(body["Cmd"]);
        Assert.Null(body["NetworkingConfig"]);
        Assert.Empty(body["ExposedPorts"]!.AsObject());
    }

    [Fact]
    public void Leaving_out_limits_leaves_them_out_of_the_body()
    {
        var host = ContainerCreateBody.From(new ContainerCreateRequest { Name = "x", Image = "y" })["HostConfig"]!.AsObject();

        Assert.False(host.ContainsKey("Memory"));
        Assert.False(host.ContainsKey("NanoCpus"));
    }
}
