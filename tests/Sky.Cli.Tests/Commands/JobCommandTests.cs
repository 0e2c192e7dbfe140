using System.Text.Json;
using Sky.Testing;

namespace Sky.Cli.Tests.Commands;

/// <summary>Recurrent jobs end to end: the daemon's scheduler runs real containers on the real engine.</summary>
public sealed class JobCommandTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_job_every_two_seconds_runs_by_itself_and_records_exit_codes_and_output()
    {
        await using var daemon = await TestDaemon.StartAsync();
        var apply = await daemon.RunAsync("apply", ConfigFile.Write("""
            tick:
              image: base:0.7
              command: echo "tick from $(hostname)"
              every: 2 seconds
            """));
        Assert.True(apply.ExitCode == 0, apply.ToString());

        var runs = await WaitForRunsAsync(daemon, "tick", r => r.Count(x => x.State == "succeeded") >= 2);

        Assert.All(runs.Where(r => r.State == "succeeded"), r => Assert.Equal(("schedule", 0L), (r.Trigger, r.ExitCode!.Value)));
        // A run that succeeded, by its number: the latest one may have started a moment ago and printed nothing yet.
        var logs = await daemon.RunAsync("job", "logs", "tick", runs.First(r => r.State == "succeeded").Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith("tick from ", logs.Output, StringComparison.Ordinal);
        var list = await daemon.RunAsync("job", "list");
        Assert.Contains(list.Lines, line => line.StartsWith("tick", StringComparison.Ordinal) && line.Contains("every 2 seconds", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_forced_run_is_recorded_as_manual_and_its_output_is_printed_by_job_logs()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await daemon.RunAsync("apply", ConfigFile.Write(StillAlive));

        var start = await daemon.RunAsync("job", "start", "still-alive", "--wait");

        Assert.True(start.ExitCode == 0, start.ToString());
        var run = Assert.Single(await RunsAsync(daemon, "still-alive"));
        Assert.Equal(("manual", "succeeded", 0L), (run.Trigger, run.State, run.ExitCode!.Value));
        Assert.Equal("Hey I'm still alive!\n", (await daemon.RunAsync("job", "logs", "still-alive", run.Number.ToString(System.Globalization.CultureInfo.InvariantCulture))).Output);
        using var listed = JsonDocument.Parse((await daemon.RunAsync("job", "runs", "still-alive", "-o", "json")).Output);
        Assert.Equal(JsonValueKind.Number, listed.RootElement[0].GetProperty("durationSeconds").ValueKind);
        // The run is recorded first, then its container goes: nothing is left behind, a moment later at most.
        await Eventually.WaitForAsync(() => DockerWitness.ContainerNamesAsync(daemon.Namespace), names => names.Count == 0, Bound, "the run's container removed");
    }

    [Fact]
    public async Task A_failing_run_is_recorded_failed_with_its_exit_code_and_the_events_say_nobody_was_told_without_a_channel()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await daemon.RunAsync("apply", ConfigFile.Write("""
            broken:
              maintainer: { name: Jane Doe, email: jane@example.com }
              image: base:0.7
              command: echo "about to fail" >&2; exit 3
              every: 1 day at 03:00
            """));

        var start = await daemon.RunAsync("job", "start", "broken", "--wait");

        Assert.Equal(3, start.ExitCode);
        var run = Assert.Single(await RunsAsync(daemon, "broken"));
        Assert.Equal(("failed", 3L), (run.State, run.ExitCode!.Value));
        Assert.Equal("about to fail\n", (await daemon.RunAsync("job", "logs", "broken")).Output);
        using var http = new HttpClient();
        using var events = JsonDocument.Parse(await http.GetStringAsync($"{daemon.Address}/api/v1/events?service=broken"));
        var said = events.RootElement.EnumerateArray().Select(e => e.GetProperty("message").GetString()).ToList();
        Assert.Contains($"job broken run {run.Number} failed with exit code 3", said);
        // This daemon has neither SMTP settings nor webhooks: the maintainer is named in the configuration, yet nobody was told.
        Assert.Contains("[sky] broken failed: no channel configured: nobody was told", said);
        Assert.DoesNotContain(said, m => m!.Contains("(to Jane Doe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_job_slower_than_its_interval_with_overlap_skip_skips_ticks_and_never_runs_twice_at_once()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await daemon.RunAsync("apply", ConfigFile.Write("""
            slow:
              image: base:0.7
              command: sleep 3
              every: 1 second
              overlap: skip
            """));

        var runs = await WaitForRunsAsync(daemon, "slow", r => r.Count(x => x.State == "succeeded") >= 2 && r.Count(x => x.State == "skipped") >= 2);

        var ran = runs.Where(r => r.State != "skipped").OrderBy(r => r.Number).ToList();
        for (var i = 1; i < ran.Count; i++)
        {
            Assert.True(ran[i].StartedAt is null || ran[i - 1].EndedAt is null || ran[i].StartedAt >= ran[i - 1].EndedAt, $"runs {ran[i - 1].Number} and {ran[i].Number} overlap");
        }

        Assert.All(runs.Where(r => r.State == "skipped"), r => Assert.Contains("still going", r.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_daemon_restart_keeps_the_run_history_and_adopts_a_run_in_progress()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await daemon.RunAsync("apply", ConfigFile.Write("""
            nightly:
              image: base:0.7
              command: sleep 2; echo done
              every: 1 day at 03:00
            """));
        Assert.Equal(0, (await daemon.RunAsync("job", "start", "nightly", "--wait")).ExitCode);
        Assert.Equal(0, (await daemon.RunAsync("job", "start", "nightly")).ExitCode);
        await WaitForRunsAsync(daemon, "nightly", r => r[0].StartedAt is not null);

        await daemon.StopAsync();
        await daemon.StartAgainAsync();

        var runs = await WaitForRunsAsync(daemon, "nightly", r => r.Count == 2 && r.All(x => x.State == "succeeded"));
        Assert.All(runs, r => Assert.Equal((0L, "manual"), (r.ExitCode!.Value, r.Trigger)));
        Assert.Equal("done\n", (await daemon.RunAsync("job", "logs", "nightly")).Output);
    }

    [Fact]
    public async Task Runs_are_numbered_per_job_shown_with_human_durations_and_addressed_by_their_number()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await daemon.RunAsync("apply", ConfigFile.Write("""
            first:
              image: base:0.7
              command: echo first
              every: 1 day at 03:00
            second:
              image: base:0.7
              command: echo second
              every: 1 day at 03:00
            """));
        Assert.Equal(0, (await daemon.RunAsync("job", "start", "first", "--wait")).ExitCode);
        Assert.Equal(0, (await daemon.RunAsync("job", "start", "second", "--wait")).ExitCode);

        var waited = await daemon.RunAsync("job", "start", "second", "--wait", "-o", "json");
        var started = await daemon.RunAsync("job", "start", "first");

        using var run = JsonDocument.Parse(waited.Output);
        Assert.Equal(2, run.RootElement.GetProperty("number").GetInt64());
        Assert.Equal(JsonValueKind.Number, run.RootElement.GetProperty("durationSeconds").ValueKind);
        Assert.Equal("Started run 2 of first", started.Output.Trim());
        await WaitForRunsAsync(daemon, "first", r => r.All(x => x.State == "succeeded"));
        Assert.Equal([2L, 1L], (await RunsAsync(daemon, "second")).Select(r => r.Number));
        Assert.Equal("second\n", (await daemon.RunAsync("job", "logs", "second", "2")).Output);
        var table = (await daemon.RunAsync("job", "runs", "second")).Lines;
        Assert.Matches(@"^2\s+manual\s.*\s\d+\.\ds\s+0\s+succeeded", table[1]);
        var missing = await daemon.RunAsync("job", "logs", "second", "3");
        Assert.Equal((ExitCodes.NotFound, "error: job 'second' has no run 3 (see sky job runs second)"), (missing.ExitCode, missing.Error.Trim()));
    }

    [Fact]
    public async Task An_unknown_job_is_not_found_with_a_clear_sentence()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await daemon.RunAsync("apply", ConfigFile.Write(StillAlive));

        var start = await daemon.RunAsync("job", "start", "nope");
        var runs = await daemon.RunAsync("job", "runs", "nope");

        Assert.Equal((ExitCodes.NotFound, ExitCodes.NotFound), (start.ExitCode, runs.ExitCode));
        Assert.Equal("error: no job named 'nope' in the applied configuration (see sky job list)", start.Error.Trim());
    }

    [Fact]
    public async Task A_bad_schedule_is_refused_with_its_position_and_starts_nothing()
    {
        await using var daemon = await TestDaemon.StartAsync();
        var path = ConfigFile.Write("""
            still-alive:
              image: base:0.7
              command: echo hi
              every: 1 fortnight at 17:00
            """);

        var apply = await daemon.RunAsync("apply", path);

        Assert.Equal(ExitCodes.Invalid, apply.ExitCode);
        Assert.Contains($"{Path.GetFileName(path)}:4:10: still-alive.every: '1 fortnight at 17:00'", apply.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, (await daemon.RunAsync("job", "start", "still-alive")).ExitCode);
        Assert.Empty(await DockerWitness.ContainerNamesAsync(daemon.Namespace));
    }

    private const string StillAlive = """
        still-alive:
          maintainer:
            name: Jane Doe
            email: jane@example.com
          image: base:0.7
          command: echo "Hey I'm still alive!"
          every: 1 day at 17:00
          notify-on-completion: true
        """;

    internal static Task<List<RunRow>> RunsAsync(TestDaemon daemon, string job) => RunsAsync(daemon.RunAsync, job);

    internal static async Task<List<RunRow>> RunsAsync(Func<string[], Task<CliRun>> cli, string job)
    {
        var runs = await cli(["job", "runs", job, "-o", "json"]);
        Assert.True(runs.ExitCode == 0, runs.ToString());
        return JsonSerializer.Deserialize(runs.Output, CliTestJsonContext.Default.ListRunRow)!;
    }

    /// <summary>Polls the run history until <paramref name="done"/> holds, for a bounded time (no timing is asserted).</summary>
    internal static async Task<List<RunRow>> WaitForRunsAsync(TestDaemon daemon, string job, Func<List<RunRow>, bool> done)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (true)
        {
            var runs = await RunsAsync(daemon, job);
            if (done(runs))
            {
                return runs;
            }

            Assert.True(DateTime.UtcNow < deadline, "runs so far: " + JsonSerializer.Serialize(runs, CliTestJsonContext.Default.ListRunRow));
            await Task.Delay(250);
        }
    }

    internal sealed record RunRow(long Number, string Trigger, string State, long? ExitCode, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, string? Message, string? Container = null);
}
