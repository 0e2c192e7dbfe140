using Sky.Testing;

namespace Sky.Cli.Tests.Commands;

/// <summary><c>sky run IMAGE -- CMD</c> through the daemon, on the real engine.</summary>
public sealed class RunCommandTests
{
    [Fact]
    public async Task A_run_streams_stdout_and_stderr_apart_exits_with_the_commands_code_and_leaves_no_container()
    {
        await using var daemon = await TestDaemon.StartAsync();

        var run = await daemon.RunAsync("run", "base:0.7", "--", "sh", "-c", "echo out; echo err >&2; exit 3");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal(["out"], run.Lines);
        Assert.Equal("err", run.Error.Trim());
        Assert.Empty(await DockerWitness.ContainerNamesAsync(daemon.Namespace));
    }

    [Fact]
    public async Task A_successful_run_exits_zero_with_every_line_in_order()
    {
        await using var daemon = await TestDaemon.StartAsync();

        var run = await daemon.RunAsync("run", "base:0.7", "--", "sh", "-c", "for i in 1 2 3; do echo line-$i; done");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["line-1", "line-2", "line-3"], run.Lines);
    }

    [Fact]
    public async Task An_image_that_is_not_on_the_engine_is_a_clear_not_found_error_and_nothing_is_pulled()
    {
        await using var daemon = await TestDaemon.StartAsync();

        var run = await daemon.RunAsync("run", "sky-no-such-image:0.0", "--", "true");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("image sky-no-such-image:0.0 is not on this engine (sky never pulls", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
        Assert.Empty(await DockerWitness.ContainerNamesAsync(daemon.Namespace));
    }
}
