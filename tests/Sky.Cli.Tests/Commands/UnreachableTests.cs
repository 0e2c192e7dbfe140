using System.Diagnostics;
using Sky.Runtime;

namespace Sky.Cli.Tests.Commands;

/// <summary>When the daemon or the engine cannot be reached, people get one clear line and exit code 3.</summary>
public sealed class UnreachableTests
{
    [Fact]
    public async Task An_unreachable_engine_gives_a_clear_error_and_exit_code_without_a_stack_trace()
    {
        using var runtime = new DockerRuntime("unix:///tmp/sky-no-engine-here.sock");
        await using var daemon = await TestDaemon.StartAsync(runtime);
        await daemon.RunAsync("apply", Examples.MyApplication);

        var start = await daemon.RunAsync("service", "start", "my-application");

        Assert.Equal(ExitCodes.Unreachable, start.ExitCode);
        Assert.Contains("unix:///tmp/sky-no-engine-here.sock", start.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", start.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sky_program_says_where_it_looked_for_the_daemon()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sky.dll"));
        start.ArgumentList.Add("ps");
        start.Environment["SKY_ADDR"] = "http://127.0.0.1:9";
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(ExitCodes.Unreachable, process.ExitCode);
        Assert.StartsWith("error: cannot reach the sky daemon at http://127.0.0.1:9", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
