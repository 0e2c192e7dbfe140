using Sky.Api.Settings;
using Sky.Testing;

namespace Sky.Cli.Tests.Commands;

/// <summary>
/// Jobs due soon get a container made ready before their tick (armed): the run is released into it, a changed job
/// never runs in a container armed for the old one, and a daemon that goes away takes its armed containers with it.
/// </summary>
public sealed class JobArmingTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_scheduled_run_is_released_into_the_container_armed_before_its_tick()
    {
        await using var daemon = await TestDaemon.StartAsync();
        Assert.Equal(0, (await daemon.RunAsync("apply", ConfigFile.Write("""
            tick:
              image: base:0.7
              command: echo "ran in $(hostname)"
              every: 5 seconds
            """))).ExitCode);

        var armed = await ArmedAsync(daemon.Namespace, "an armed container");

        var runs = await JobCommandTests.WaitForRunsAsync(daemon, "tick", r => r.Any(x => x.Container == armed && x.State == "succeeded"));
        var run = runs.Single(r => r.Container == armed);
        Assert.Equal("schedule", run.Trigger);
        Assert.Equal($"ran in {armed[..12]}\n", (await daemon.RunAsync("job", "logs", "tick", run.Number.ToString(System.Globalization.CultureInfo.InvariantCulture))).Output);
    }

    [Fact]
    public async Task A_changed_job_never_runs_in_the_container_armed_for_its_old_configuration()
    {
        await using var daemon = await TestDaemon.StartAsync(settings: ArmAnHourAhead);
        await daemon.RunAsync("apply", ConfigFile.Write(Hourly("echo old")));
        var old = await ArmedAsync(daemon.Namespace, "the container armed for the old command");

        await daemon.RunAsync("apply", ConfigFile.Write(Hourly("echo new")));

        await Eventually.WaitForAsync(() => Docker.RunRawAsync("inspect", old), r => r.ExitCode != 0, Bound, "the old armed container removed");
        var armed = await ArmedAsync(daemon.Namespace, "a container armed for the new command");
        Assert.Equal(0, (await daemon.RunAsync("job", "start", "tick", "--wait")).ExitCode);
        var run = Assert.Single(await JobCommandTests.RunsAsync(daemon, "tick"));
        Assert.Equal(("manual", armed), (run.Trigger, run.Container));
        Assert.Equal("new\n", (await daemon.RunAsync("job", "logs", "tick")).Output);
    }

    [Fact]
    public async Task An_armed_container_shows_in_ps_and_a_daemon_stopped_gracefully_removes_it()
    {
        await using var daemon = await TestDaemon.StartAsync(settings: ArmAnHourAhead);
        await daemon.RunAsync("apply", ConfigFile.Write(Hourly("echo hi")));
        var armed = await ArmedAsync(daemon.Namespace, "an armed container");
        var ps = await daemon.RunAsync("ps");
        Assert.Contains(ps.Lines, l => l.StartsWith(daemon.Name("tick-armed-"), StringComparison.Ordinal) && l.Contains("job (armed)", StringComparison.Ordinal));

        await daemon.StopAsync();

        Assert.NotEqual(0, (await Docker.RunRawAsync("inspect", armed)).ExitCode);
    }

    [Fact]
    public async Task An_armed_container_of_a_killed_daemon_ends_without_running_its_command_and_is_removed_at_the_next_start()
    {
        await using var daemon = await DaemonProcess.StartAsync("jobs:\n  arm-ahead: 1h\n");
        await daemon.RunAsync("apply", ConfigFile.Write(Hourly("echo must-not-run")));
        var armed = await ArmedAsync(daemon.Namespace, "an armed container");

        await daemon.KillAsync();

        // Its pipe closed with the daemon: the waiting shell reads an end of file and gives up.
        var state = await Eventually.WaitForAsync(
            async () => (await Docker.InspectAsync(armed)).GetProperty("State"),
            s => s.GetProperty("Status").GetString() == "exited",
            Bound,
            "the armed container ended");
        Assert.Equal(1, state.GetProperty("ExitCode").GetInt32());
        Assert.Equal(string.Empty, await Docker.RunAsync("logs", armed));

        await daemon.StartAgainAsync();

        await Eventually.WaitForAsync(() => Docker.RunRawAsync("inspect", armed), r => r.ExitCode != 0, Bound, "the dead daemon's armed container removed");
        Assert.Empty(await JobCommandTests.RunsAsync(daemon.RunAsync, "tick"));
    }

    [Fact]
    public async Task A_job_whose_image_has_no_shell_runs_the_ordinary_way_and_arming_is_not_retried_at_once()
    {
        var image = await NoShellImageAsync();
        await using var daemon = await TestDaemon.StartAsync();
        var since = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await daemon.RunAsync("apply", ConfigFile.Write($$"""
            bare:
              image: {{image}}
              command: [ /bin/busybox, echo, no shell here ]
              every: 2 seconds
            """));

        var runs = await JobCommandTests.WaitForRunsAsync(daemon, "bare", r => r.Count(x => x.State == "succeeded") >= 3);

        // A run that succeeded, by its number: the latest one may have started a moment ago and printed nothing yet.
        var succeeded = runs.First(r => r.State == "succeeded").Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("no shell here\n", (await daemon.RunAsync("job", "logs", "bare", succeeded)).Output);
        Assert.All(runs.Where(r => r.State == "succeeded"), r => Assert.DoesNotContain("armed", r.Container ?? "", StringComparison.Ordinal));
        var until = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var created = await Docker.RunAsync("events", "--since", since, "--until", until, "--filter", "event=create", "--filter", $"label=sky.namespace={daemon.Namespace}", "--filter", $"label={"sky.armed"}=true", "--format", "{{.ID}}");
        // Arming is retried after a back-off, not at every tick: fewer armed containers than runs. On a loaded machine a
        // tick can claim an armed container before its failure is seen: that run fails, and counts as a tick too.
        var ticks = (await JobCommandTests.RunsAsync(daemon, "bare")).Count;
        Assert.True(created.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length < ticks, $"armed again and again ({ticks} runs):\n{created}");
    }

    /// <summary>An image of nothing but a static busybox binary: no <c>sh</c> to hold a command back.</summary>
    private static async Task<string> NoShellImageAsync()
    {
        const string Image = "sky-test-noshell:latest";
        var folder = Directory.CreateTempSubdirectory("sky-noshell-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "rootfs", "bin"));
            File.Copy("/bin/busybox", Path.Combine(folder, "rootfs", "bin", "busybox"));
            await ProgramRun.CheckedAsync("tar", "-C", Path.Combine(folder, "rootfs"), "-cf", Path.Combine(folder, "rootfs.tar"), ".");
            await Docker.RunAsync("import", Path.Combine(folder, "rootfs.tar"), Image);
            return Image;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static DaemonSettings ArmAnHourAhead => new() { Jobs = new JobSettings { ArmAhead = TimeSpan.FromHours(1) } };

    // Due at the top of the hour: armed at once (an hour ahead), and not due while the test runs.
    private static string Hourly(string command) => $"""
        tick:
          image: base:0.7
          command: {command}
          every: 1 hour
        """;

    private static Task<string> ArmedAsync(string ns, string what) =>
        Eventually.WaitForAsync(() => ArmedIdAsync(ns), id => id.Length > 0, Bound, what);

    private static async Task<string> ArmedIdAsync(string ns) =>
        (await Docker.RunAsync("ps", "-q", "--no-trunc", "--filter", $"label=sky.namespace={ns}", "--filter", "label=sky.armed=true")).Trim();
}
