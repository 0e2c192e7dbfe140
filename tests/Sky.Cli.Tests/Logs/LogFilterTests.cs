using Sky.Testing;

namespace Sky.Cli.Tests.Logs;

/// <summary>The filters of <c>sky service logs</c> on a real engine: stream, text, time, and following new lines.</summary>
public sealed class LogFilterTests
{
    [Fact]
    public async Task Stream_grep_and_time_filters_pick_lines_and_follow_shows_a_new_line_as_it_is_written()
    {
        await using var daemon = await TestDaemon.StartAsync();
        Assert.Equal(0, (await daemon.RunAsync("apply", ConfigFile.Write("web:\n  image: base:0.7\n  command: echo first; echo oops >&2; sleep 600\n"))).ExitCode);
        Assert.Equal(0, (await daemon.RunAsync("service", "start", "web")).ExitCode);
        var name = daemon.Name("web");
        await Eventually.WaitForAsync(() => daemon.RunAsync("service", "logs", "web"), r => r.Lines.Length == 2, TimeSpan.FromSeconds(30), "both lines stored");

        Assert.Equal([$"{name} | oops"], (await daemon.RunAsync("service", "logs", "web", "--stream", "stderr")).Lines);
        Assert.Equal([$"{name} | first"], (await daemon.RunAsync("service", "logs", "web", "--grep", "fir")).Lines);
        Assert.Equal([$"{name} | oops"], (await daemon.RunAsync("service", "logs", "web", "--regex", "^o+ps$")).Lines);
        Assert.Equal(2, (await daemon.RunAsync("service", "logs", "web", "--since", "1h")).Lines.Length);
        var none = await daemon.RunAsync("service", "logs", "web", "--until", "1h");
        Assert.Equal((0, "web: no output yet"), (none.Lines.Length, none.Error.Trim()));

        var bad = await daemon.RunAsync("service", "logs", "web", "--since", "yesterday");
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("since 'yesterday' is neither a duration ago", bad.Error, StringComparison.Ordinal);

        using var output = new LineChannelWriter();
        using var stop = new CancellationTokenSource();
        var following = SkyCommandLine.RunAsync(["service", "logs", "web", "-f", "--grep", "marker"], output, TextWriter.Null, daemon.Address, stop.Token);
        await Docker.RunAsync("exec", name, "sh", "-c", "echo not this > /proc/1/fd/1; echo marker one > /proc/1/fd/1");
        Assert.Equal($"{name} | marker one", await output.WaitForAsync(_ => true, TimeSpan.FromSeconds(10), "the new line"));

        await stop.CancelAsync();
        Assert.Equal(0, await following);
    }

    [Fact]
    public async Task Logs_of_a_service_nobody_ever_ran_are_an_error_naming_it()
    {
        await using var daemon = await TestDaemon.StartAsync();

        var logs = await daemon.RunAsync("service", "logs", "ghost");

        Assert.NotEqual(0, logs.ExitCode);
        Assert.Contains("no service named 'ghost'", logs.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_run_s_output_is_read_from_the_store_after_its_container_is_gone()
    {
        await using var daemon = await TestDaemon.StartAsync();
        Assert.Equal(0, (await daemon.RunAsync("apply", ConfigFile.Write("report:\n  image: base:0.7\n  every: 1 day at 03:00\n  command: echo alpha; echo beta >&2\n"))).ExitCode);
        Assert.Equal(0, (await daemon.RunAsync("job", "start", "report", "--wait")).ExitCode);

        Assert.Equal(["beta"], (await daemon.RunAsync("job", "logs", "report", "--grep", "bet")).Lines);
        Assert.Equal(["alpha"], (await daemon.RunAsync("job", "logs", "report", "1", "--stream", "stdout")).Lines);
        var all = await daemon.RunAsync("logs", "--job", "report");
        Assert.Contains(all.Lines, l => l.EndsWith("| beta", StringComparison.Ordinal));
    }
}
