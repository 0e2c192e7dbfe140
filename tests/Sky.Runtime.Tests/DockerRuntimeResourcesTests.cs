using Sky.Model;

namespace Sky.Runtime.Tests;

public class DockerRuntimeResourcesTests
{
    [Fact]
    public async Task A_network_alias_resolves_from_another_container_on_the_network()
    {
        await using var scope = new EngineScope();
        var network = await scope.NetworkAsync("net");
        var server = await scope.CreateAsync(scope.Spec("server", network, "sh", "-c", "echo reached-by-alias > /www/index.html && exec httpd -f -p 8080 -h /www") with
        {
            NetworkAliases = ["database"],
        });
        var client = await scope.CreateAsync(scope.Spec("client", network, "sleep", "300"));
        await scope.Runtime.StartContainerAsync(server, scope.Token);
        await scope.Runtime.StartContainerAsync(client, scope.Token);

        var result = await ExecUntilAsync(scope, client, ["sh", "-c", "printf 'GET /index.html HTTP/1.0\\r\\n\\r\\n' | nc database 8080"], r => r.Output.Contains("reached-by-alias", StringComparison.Ordinal));

        Assert.Contains("200 OK", result.Output, StringComparison.Ordinal);
        Assert.Contains("reached-by-alias", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Network_counters_after_a_restart_are_the_new_network_namespace_s_not_the_old_one_s()
    {
        await using var scope = new EngineScope();
        var network = await scope.NetworkAsync("net");
        var server = await scope.CreateAsync(scope.Spec("server", network, "sh", "-c", "head -c 300000 /dev/zero > /www/big && exec httpd -f -p 8080 -h /www") with
        {
            NetworkAliases = ["server"],
        });
        var client = await scope.CreateAsync(scope.Spec("client", network, "sleep", "300"));
        await scope.Runtime.StartContainerAsync(server, scope.Token);
        await scope.Runtime.StartContainerAsync(client, scope.Token);

        var first = await DownloadAsync(scope, client);
        var afterFirst = await scope.Runtime.ReadResourceUsageAsync(client, DateTimeOffset.UtcNow, scope.Token);
        await scope.Runtime.StopContainerAsync(client, TimeSpan.FromSeconds(1), scope.Token);
        await scope.Runtime.StartContainerAsync(client, scope.Token);
        var second = await DownloadAsync(scope, client);
        var afterSecond = await scope.Runtime.ReadResourceUsageAsync(client, DateTimeOffset.UtcNow, scope.Token);

        Assert.Equal((0L, 0L), (first, second));
        Assert.InRange(afterFirst!.NetworkReceivedBytes, 300_000, 599_999);
        // Counted in the restarted container's new namespace: the second download alone, not the first one as well, and
        // not the old namespace's counters either (which stop when its process ends).
        Assert.InRange(afterSecond!.NetworkReceivedBytes, 300_000, 599_999);
    }

    /// <summary>Fetches the server's 300 KB file from the client; returns wget's exit code.</summary>
    private static async Task<long> DownloadAsync(EngineScope scope, string client) =>
        (await ExecUntilAsync(scope, client, ["wget", "-q", "-O", "/dev/null", "http://server:8080/big"], r => r.ExitCode == 0)).ExitCode;

    /// <summary>Runs the command in the container until <paramref name="done"/> (at most 50 times): httpd starts a moment after its container.</summary>
    private static async Task<ExecResult> ExecUntilAsync(EngineScope scope, string container, string[] command, Func<ExecResult, bool> done)
    {
        ExecResult result;
        var attempts = 0;
        do
        {
            result = await scope.Runtime.ExecAsync(container, command, scope.Token);
        }
        while (!done(result) && ++attempts < 50 && await Pause(scope));
        return result;
    }

    [Fact]
    public async Task Ensuring_a_network_twice_creates_it_once_and_it_is_listed_by_label_until_removed()
    {
        await using var scope = new EngineScope();
        var name = await scope.NetworkAsync("net");

        await scope.Runtime.EnsureNetworkAsync(name, scope.Labels, scope.Token);
        var listed = await scope.Runtime.ListNetworksAsync(scope.Filter, scope.Token);
        await scope.Runtime.RemoveNetworkAsync(name, scope.Token);
        await scope.Runtime.RemoveNetworkAsync(name, scope.Token);
        var afterRemoval = await scope.Runtime.ListNetworksAsync(scope.Filter, scope.Token);

        Assert.Equal([name], listed);
        Assert.Empty(afterRemoval);
    }

    [Fact]
    public async Task Ensuring_a_network_whose_name_is_a_prefix_of_an_existing_one_still_creates_it()
    {
        await using var scope = new EngineScope();
        await scope.NetworkAsync("net-long");

        var shorter = await scope.NetworkAsync("net");

        Assert.Contains(shorter, await scope.Runtime.ListNetworksAsync(scope.Filter, scope.Token));
    }

    [Fact]
    public async Task Ensuring_a_volume_twice_creates_it_once_and_it_is_listed_by_label_until_removed()
    {
        await using var scope = new EngineScope();
        var name = await scope.VolumeAsync("data");

        await scope.Runtime.EnsureVolumeAsync(name, scope.Labels, scope.Token);
        var listed = await scope.Runtime.ListVolumesAsync(scope.Filter, scope.Token);
        await scope.Runtime.RemoveVolumeAsync(name, scope.Token);
        await scope.Runtime.RemoveVolumeAsync(name, scope.Token);

        Assert.Equal([name], listed);
        Assert.Empty(await scope.Runtime.ListVolumesAsync(scope.Filter, scope.Token));
    }

    [Fact]
    public async Task A_named_volume_keeps_data_between_containers_and_a_read_only_mount_refuses_writes()
    {
        await using var scope = new EngineScope();
        var volume = await scope.VolumeAsync("data");
        var writer = await scope.CreateAsync(new ContainerCreateRequest
        {
            Name = scope.Name("writer"),
            Image = EngineScope.Image,
            Command = ["sh", "-c", "echo kept > /data/file"],
            Volumes = [new VolumeMount(volume, "/data", IsHostPath: false, ReadOnly: false)],
        });
        await scope.Runtime.StartContainerAsync(writer, scope.Token);
        Assert.Equal(0, await scope.Runtime.WaitContainerAsync(writer, scope.Token));

        var reader = await scope.CreateAsync(new ContainerCreateRequest
        {
            Name = scope.Name("reader"),
            Image = EngineScope.Image,
            Command = ["sh", "-c", "cat /data/file && touch /data/other"],
            Volumes = [new VolumeMount(volume, "/data", IsHostPath: false, ReadOnly: true)],
        });
        await scope.Runtime.StartContainerAsync(reader, scope.Token);
        var exitCode = await scope.Runtime.WaitContainerAsync(reader, scope.Token);
        var output = new List<LogEntry>();
        await foreach (var line in scope.Runtime.GetLogsAsync(reader, new LogQuery(), scope.Token))
        {
            output.Add(line);
        }

        Assert.NotEqual(0, exitCode);
        Assert.Contains(new LogEntry(LogStream.Stdout, "kept", null), output.Select(l => l with { Timestamp = null }));
        Assert.Contains(output, l => l.Stream == LogStream.Stderr && l.Text.Contains("Read-only file system", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_host_folder_is_bound_into_the_container()
    {
        await using var scope = new EngineScope();
        var folder = Directory.CreateTempSubdirectory("skyrt-bind-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "greeting"), "from-the-host", scope.Token);
            var id = await scope.CreateAsync(new ContainerCreateRequest
            {
                Name = scope.Name("bound"),
                Image = EngineScope.Image,
                Command = ["sleep", "300"],
                Volumes = [new VolumeMount(folder.FullName, "/host", IsHostPath: true, ReadOnly: true)],
            });
            await scope.Runtime.StartContainerAsync(id, scope.Token);

            var result = await scope.Runtime.ExecAsync(id, ["cat", "/host/greeting"], scope.Token);

            Assert.Equal(new ExecResult(0, "from-the-host"), result);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<bool> Pause(EngineScope scope)
    {
        await Task.Delay(100, scope.Token);
        return true;
    }
}
