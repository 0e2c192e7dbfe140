using Sky.Testing;

namespace Sky.Cli.Tests.Commands;

/// <summary>The mission's example, end to end, on the real engine.</summary>
public sealed class ServiceCommandTests
{
    private static readonly string[] Plain =
    [
        "my-application-production-database",
        "my-application-production",
        "my-application-dev-database",
        "my-application-dev",
    ];

    [Fact]
    public async Task Starting_the_example_starts_four_containers_in_order_with_their_limits_labels_and_environment()
    {
        await using var daemon = await TestDaemon.StartAsync();
        Assert.Equal(0, (await daemon.RunAsync("apply", Examples.MyApplication)).ExitCode);

        var start = await daemon.RunAsync("service", "start", "my-application");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Equal(Plain.Select(n => $"Starting {daemon.Name(n)}.. DONE"), start.Lines);
        Assert.Equal(Plain.Select(daemon.Name).Order(StringComparer.Ordinal), await DockerWitness.ContainerNamesAsync(daemon.Namespace, runningOnly: true));

        var production = await Docker.InspectAsync(daemon.Name("my-application-production"));
        Assert.Equal(1L << 30, production.GetProperty("HostConfig").GetProperty("Memory").GetInt64());
        var labels = production.GetProperty("Config").GetProperty("Labels");
        Assert.Equal("my-application", labels.GetProperty("sky.service").GetString());
        Assert.Equal("production", labels.GetProperty("sky.instance").GetString());
        Assert.Equal("main", labels.GetProperty("sky.role").GetString());
        var env = production.GetProperty("Config").GetProperty("Env").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("RUNTIME_ENV=production", env);
        Assert.Contains("VIRTUAL_HOST=my-application.localhost", env);
        Assert.Contains("DATABASE_HOST=database", env);
        Assert.Contains("DATABASE_PORT=9042", env);
        Assert.Equal("my-application:1.0-SNAPSHOT", production.GetProperty("Config").GetProperty("Image").GetString());

        var database = await Docker.InspectAsync(daemon.Name("my-application-production-database"));
        Assert.Equal(10L << 30, database.GetProperty("HostConfig").GetProperty("Memory").GetInt64());
        Assert.Equal("database", database.GetProperty("Config").GetProperty("Labels").GetProperty("sky.role").GetString());
        Assert.Equal("my-application:1.1-dev", (await Docker.InspectAsync(daemon.Name("my-application-dev"))).GetProperty("Config").GetProperty("Image").GetString());
    }

    [Fact]
    public async Task Each_instance_reaches_its_own_database_by_short_name()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await daemon.RunAsync("apply", Examples.MyApplication);
        Assert.Equal(0, (await daemon.RunAsync("service", "start", "my-application")).ExitCode);

        var productionDatabaseId = (await Docker.InspectAsync(daemon.Name("my-application-production-database"))).GetProperty("Id").GetString()![..12];
        var devDatabaseId = (await Docker.InspectAsync(daemon.Name("my-application-dev-database"))).GetProperty("Id").GetString()![..12];

        // Ask from inside the production application, at the address its environment gives.
        var answer = await Docker.RunAsync("exec", daemon.Name("my-application-production"), "sh", "-c", "echo | nc -w 2 \"$DATABASE_HOST\" \"$DATABASE_PORT\"");

        Assert.Contains($"cassandra {productionDatabaseId}", answer, StringComparison.Ordinal);
        Assert.DoesNotContain(devDatabaseId, answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_twice_changes_nothing_and_stop_stops_all_four()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await daemon.RunAsync("apply", Examples.MyApplication);
        await daemon.RunAsync("service", "start", "my-application");
        var ids = await Docker.RunAsync("ps", "-q", "--no-trunc", "--filter", $"label=sky.namespace={daemon.Namespace}");

        var again = await daemon.RunAsync("service", "start", "my-application");

        Assert.Equal(0, again.ExitCode);
        Assert.All(again.Lines, line => Assert.EndsWith("already running", line, StringComparison.Ordinal));
        Assert.Equal(4, again.Lines.Length);
        Assert.Equal(ids, await Docker.RunAsync("ps", "-q", "--no-trunc", "--filter", $"label=sky.namespace={daemon.Namespace}"));

        var stop = await daemon.RunAsync("service", "stop", "my-application");

        Assert.True(stop.ExitCode == 0, stop.ToString());
        Assert.Empty(await DockerWitness.ContainerNamesAsync(daemon.Namespace, runningOnly: true));
        Assert.Equal(4, (await DockerWitness.ContainerNamesAsync(daemon.Namespace)).Count);
    }

    [Fact]
    public async Task Starting_a_service_whose_image_is_not_on_the_engine_is_refused_with_one_error_and_nothing_is_wanted()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await daemon.RunAsync("apply", ConfigFile.Write("""
            nc-ghost:
              image: nosuch-image:9
            """));

        var start = await daemon.RunAsync("service", "start", "nc-ghost");

        Assert.Equal(ExitCodes.NotFound, start.ExitCode);
        Assert.Equal(string.Empty, start.Output);
        Assert.Equal(
            $"error: cannot start nc-ghost: image nosuch-image:9 is not on this engine (named by {daemon.Name("nc-ghost")}); sky never pulls: build or load it first",
            start.Error.Trim());

        // Refused before anything was recorded: the instance is not wanted, so the supervisor has nothing to heal or tell.
        Assert.Empty(await DockerWitness.ContainerNamesAsync(daemon.Namespace));
        using var status = System.Text.Json.JsonDocument.Parse((await daemon.RunAsync("service", "status", "nc-ghost", "-o", "json")).Output);
        Assert.False(status.RootElement.GetProperty("instances")[0].GetProperty("wantedRunning").GetBoolean());
        Assert.Equal("[]", (await daemon.RunAsync("alerts", "-o", "json")).Output.Trim());
    }

    [Fact]
    public async Task Status_and_ps_tell_the_truth_after_a_daemon_restart()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await daemon.RunAsync("apply", Examples.MyApplication);
        await daemon.RunAsync("service", "start", "my-application/dev");
        await daemon.StopAsync();
        await Docker.RunAsync("stop", "-t", "1", daemon.Name("my-application-dev-database"));

        await daemon.StartAgainAsync();
        var status = await daemon.RunAsync("service", "status", "my-application", "--output", "json");
        var ps = await daemon.RunAsync("ps");

        Assert.True(status.ExitCode == 0, status.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(status.Output);
        var states = json.RootElement.GetProperty("instances").EnumerateArray()
            .SelectMany(i => i.GetProperty("containers").EnumerateArray())
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("state").GetString());
        Assert.Equal("missing", states[daemon.Name("my-application-production")]);
        Assert.Equal("running", states[daemon.Name("my-application-dev")]);
        Assert.Equal("exited", states[daemon.Name("my-application-dev-database")]);
        Assert.Contains(ps.Lines, l => l.StartsWith(daemon.Name("my-application-dev "), StringComparison.Ordinal) && l.Contains("running", StringComparison.Ordinal));
        Assert.Equal(3, ps.Lines.Length);

        // Starting again after the restart adopts what runs: no duplicate, the stopped database started again.
        var start = await daemon.RunAsync("service", "start", "my-application/dev");
        Assert.Equal([$"{daemon.Name("my-application-dev-database")}.. DONE"], start.Lines.Where(l => l.Contains("dev-database", StringComparison.Ordinal)).Select(l => l.Replace("Starting ", string.Empty, StringComparison.Ordinal)));
        Assert.Equal(2, (await DockerWitness.ContainerNamesAsync(daemon.Namespace, runningOnly: true)).Count);
    }

    [Fact]
    public async Task A_changed_dev_version_replaces_only_the_dev_application()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await daemon.RunAsync("apply", Examples.MyApplication);
        await daemon.RunAsync("service", "start", "my-application");
        var before = await IdsAsync(daemon);

        var changed = Examples.ChangedCopy(text => text.Replace("version: 1.1-dev", "version: 1.0-SNAPSHOT", StringComparison.Ordinal));
        var apply = await daemon.RunAsync("apply", changed);

        Assert.True(apply.ExitCode == 0, apply.ToString());
        var after = await IdsAsync(daemon);
        Assert.NotEqual(before[daemon.Name("my-application-dev")], after[daemon.Name("my-application-dev")]);
        foreach (var name in new[] { "my-application-production", "my-application-production-database", "my-application-dev-database" })
        {
            Assert.Equal(before[daemon.Name(name)], after[daemon.Name(name)]);
        }

        Assert.Equal("my-application:1.0-SNAPSHOT", (await Docker.InspectAsync(daemon.Name("my-application-dev"))).GetProperty("Config").GetProperty("Image").GetString());
        Assert.Equal(4, (await DockerWitness.ContainerNamesAsync(daemon.Namespace, runningOnly: true)).Count);
    }

    [Fact]
    public async Task Logs_show_the_output_of_the_service_containers()
    {
        await using var daemon = await TestDaemon.StartAsync();
        var config = Examples.ChangedCopy(_ => "talker:\n  image: base:0.7\n  command: echo hello from talker; sleep 60\n");
        await daemon.RunAsync("apply", config);
        await daemon.RunAsync("service", "start", "talker");

        CliRun logs = new(1, string.Empty, string.Empty);
        for (var attempt = 0; attempt < 50 && !logs.Output.Contains("hello from talker", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100);
            logs = await daemon.RunAsync("service", "logs", "talker");
        }

        Assert.Contains($"{daemon.Name("talker")} | hello from talker", logs.Lines);
    }

    [Fact]
    public async Task Logs_of_a_silent_service_say_no_output_yet_on_stderr_and_leave_stdout_empty()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await daemon.RunAsync("apply", ConfigFile.Write("quiet:\n  image: base:0.7\n  command: sleep 300\n"));
        Assert.Equal(0, (await daemon.RunAsync("service", "start", "quiet")).ExitCode);

        var logs = await daemon.RunAsync("service", "logs", "quiet");

        Assert.True(logs.ExitCode == 0, logs.ToString());
        Assert.Empty(logs.Output);
        Assert.Equal("quiet: no output yet", logs.Error.Trim());
    }

    private static async Task<Dictionary<string, string>> IdsAsync(TestDaemon daemon)
    {
        var result = new Dictionary<string, string>();
        foreach (var name in await DockerWitness.ContainerNamesAsync(daemon.Namespace))
        {
            result[name] = (await Docker.InspectAsync(name)).GetProperty("Id").GetString()!;
        }

        return result;
    }
}
