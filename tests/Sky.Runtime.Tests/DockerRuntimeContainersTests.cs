using Sky.Model;

namespace Sky.Runtime.Tests;

public class DockerRuntimeContainersTests
{
    [Fact]
    public async Task Ping_reports_the_engine_version_and_the_negotiated_api_version()
    {
        await using var scope = new EngineScope();

        var info = await scope.Runtime.PingAsync(scope.Token);

        Assert.NotEqual("unknown", info.EngineVersion);
        Assert.True(Version.Parse(info.ApiVersion) <= new Version(1, 45));
        Assert.Equal(scope.Runtime.Endpoint.ToString(), info.Endpoint);
    }

    [Fact]
    public async Task A_container_created_from_a_spec_shows_its_labels_env_limits_ports_and_network_alias()
    {
        await using var scope = new EngineScope();
        var network = await scope.NetworkAsync("net");
        var spec = scope.Spec("app", network, "sleep", "300") with
        {
            Environment = new Dictionary<string, string> { ["GREETING"] = "hello world" },
            Labels = new Dictionary<string, string> { [SkyLabels.Service] = scope.Prefix, [SkyLabels.Role] = "main" },
            MemoryBytes = 64L * 1024 * 1024,
            Cpus = 0.5,
            Ports = [8080, 9090],
            NetworkAliases = ["web"],
        };

        var id = await scope.CreateAsync(spec, new Dictionary<string, string> { [EngineScope.TestLabel] = scope.Prefix, ["extra"] = "1" });
        await scope.Runtime.StartContainerAsync(id, scope.Token);
        var details = await scope.Runtime.InspectContainerAsync(spec.Name, scope.Token);

        Assert.NotNull(details);
        Assert.Equal(id, details.Id);
        Assert.Equal(spec.Name, details.Name);
        Assert.Equal(ContainerState.Running, details.State);
        Assert.Equal(EngineScope.Image, details.Image);
        Assert.Equal(scope.Prefix, details.Labels[SkyLabels.Service]);
        Assert.Equal("1", details.Labels["extra"]);
        Assert.Contains("GREETING=hello world", details.Environment);
        Assert.Equal(64L * 1024 * 1024, details.MemoryBytes);
        Assert.Equal(500_000_000L, details.NanoCpus);
        Assert.Equal([8080, 9090], details.PublishedPorts.Keys.Order());
        Assert.All(details.PublishedPorts.Values, hostPort => Assert.InRange(hostPort, 1, 65535));
        Assert.Contains("web", details.Networks[network]);
        Assert.True(details.Pid > 0);
        Assert.NotNull(details.StartedAt);
    }

    [Fact]
    public async Task A_published_port_is_reachable_from_the_host_on_loopback()
    {
        await using var scope = new EngineScope();
        var network = await scope.NetworkAsync("net");
        var spec = scope.Spec("web", network, "sh", "-c", "echo served-by-sky > /www/index.html && exec httpd -f -p 8080 -h /www") with { Ports = [8080] };
        var id = await scope.CreateAsync(spec);
        await scope.Runtime.StartContainerAsync(id, scope.Token);

        var hostPort = (await scope.Runtime.InspectContainerAsync(id, scope.Token))!.PublishedPorts[8080];
        var body = await HttpEventually.GetAsync(new Uri($"http://127.0.0.1:{hostPort}/index.html"), scope.Token);

        Assert.Equal("served-by-sky", body.Trim());
    }

    [Fact]
    public async Task Listing_by_label_finds_running_and_stopped_containers_by_name_and_nothing_else()
    {
        await using var scope = new EngineScope();
        var running = await scope.RunAsync("running", "sleep", "300");
        var stopped = await scope.CreateAsync(new ContainerCreateRequest
        {
            Name = scope.Name("stopped"),
            Image = EngineScope.Image,
            Command = ["true"],
            Labels = new Dictionary<string, string> { ["skyrt.kind"] = "special" },
        });

        var all = await scope.Runtime.ListContainersAsync(scope.Filter, scope.Token);
        var special = await scope.Runtime.ListContainersAsync(new Dictionary<string, string?> { [EngineScope.TestLabel] = scope.Prefix, ["skyrt.kind"] = null }, scope.Token);

        Assert.Equal([scope.Name("running"), scope.Name("stopped")], all.Select(c => c.Name).Order());
        Assert.Equal(ContainerState.Running, all.Single(c => c.Id == running).State);
        Assert.Equal(ContainerState.Created, all.Single(c => c.Id == stopped).State);
        Assert.Equal(scope.Prefix, all[0].Labels[EngineScope.TestLabel]);
        Assert.NotNull(all[0].Created);
        Assert.Equal(stopped, Assert.Single(special).Id);
    }

    [Fact]
    public async Task Waiting_returns_the_exit_code_and_inspect_shows_how_it_ended()
    {
        await using var scope = new EngineScope();
        var id = await scope.RunAsync("exits", "sh", "-c", "exit 7");

        var exitCode = await scope.Runtime.WaitContainerAsync(id, scope.Token);
        var details = await scope.Runtime.InspectContainerAsync(id, scope.Token);

        Assert.Equal(7, exitCode);
        Assert.Equal(ContainerState.Exited, details!.State);
        Assert.Equal(7, details.ExitCode);
        Assert.False(details.OomKilled);
        Assert.NotNull(details.FinishedAt);
    }

    [Fact]
    public async Task Stop_ends_a_sleeping_container_through_its_init_and_stopping_again_is_not_an_error()
    {
        await using var scope = new EngineScope();
        var id = await scope.RunAsync("sleeper", "sleep", "300");

        await scope.Runtime.StopContainerAsync(id, TimeSpan.FromSeconds(30), scope.Token);
        await scope.Runtime.StopContainerAsync(id, TimeSpan.FromSeconds(30), scope.Token);
        var details = await scope.Runtime.InspectContainerAsync(id, scope.Token);

        // 143 = 128 + SIGTERM: the init passed the signal on rather than the engine killing after the grace period.
        Assert.Equal(ContainerState.Exited, details!.State);
        Assert.Equal(143, details.ExitCode);
    }

    [Fact]
    public async Task Kill_sends_the_named_signal()
    {
        await using var scope = new EngineScope();
        var id = await scope.RunAsync("victim", "sleep", "300");

        await scope.Runtime.KillContainerAsync(id, "SIGKILL", scope.Token);

        Assert.Equal(137, await scope.Runtime.WaitContainerAsync(id, scope.Token));
    }

    [Fact]
    public async Task A_removed_container_is_gone_and_removing_it_again_is_not_an_error()
    {
        await using var scope = new EngineScope();
        var id = await scope.RunAsync("doomed", "sleep", "300");

        await scope.Runtime.RemoveContainerAsync(id, force: true, scope.Token);
        await scope.Runtime.RemoveContainerAsync(id, force: true, scope.Token);

        Assert.Null(await scope.Runtime.InspectContainerAsync(id, scope.Token));
    }

    [Fact]
    public async Task Creating_a_container_whose_name_is_taken_is_a_conflict_from_the_engine()
    {
        await using var scope = new EngineScope();
        var request = new ContainerCreateRequest { Name = scope.Name("twice"), Image = EngineScope.Image, Command = ["true"] };
        await scope.CreateAsync(request);

        var error = await Assert.ThrowsAsync<EngineException>(() => scope.CreateAsync(request));

        Assert.Equal(409, error.StatusCode);
        Assert.Contains("already in use", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_from_an_absent_image_fails_without_pulling()
    {
        await using var scope = new EngineScope();

        var error = await Assert.ThrowsAsync<EngineException>(
            () => scope.CreateAsync(new ContainerCreateRequest { Name = scope.Name("nope"), Image = scope.Prefix + "-absent:1" }));

        Assert.Equal(404, error.StatusCode);
    }
}
