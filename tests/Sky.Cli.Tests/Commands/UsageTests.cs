using System.Diagnostics;

namespace Sky.Cli.Tests.Commands;

/// <summary>
/// Mistakes in what was typed are invalid input: exit 2, the reason on stderr, nothing on stdout, as the README says
/// for every command. And one version, whichever way it is asked for.
/// </summary>
public sealed class UsageTests
{
    private const string Nowhere = "http://127.0.0.1:9";

    [Theory]
    [InlineData("job", "logs")]
    [InlineData("service", "start")]
    [InlineData("apply")]
    [InlineData("attach")]
    [InlineData("run", "base:0.7")]
    [InlineData("snitch")]
    public async Task A_missing_argument_exits_2_with_the_reason_on_stderr_and_nothing_on_stdout(params string[] args)
    {
        var run = await CliRun.AgainstAsync(Nowhere, args);

        Assert.True(run.ExitCode == ExitCodes.Invalid, run.ToString());
        Assert.Empty(run.Output);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.Contains($"see: sky {string.Join(' ', args.TakeWhile(a => !a.Contains(':', StringComparison.Ordinal)))} --help", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_option_a_mistyped_command_and_a_bad_output_format_exit_2()
    {
        var option = await CliRun.AgainstAsync(Nowhere, "ps", "--bogus");
        var command = await CliRun.AgainstAsync(Nowhere, "servce", "start", "web");
        var format = await CliRun.AgainstAsync(Nowhere, "ps", "-o", "yaml");

        Assert.Equal((2, 2, 2), (option.ExitCode, command.ExitCode, format.ExitCode));
        Assert.Equal(["error: Unrecognized command or argument '--bogus'.", "see: sky ps --help"], option.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Did you mean one of the following?\nservice\n", command.Error, StringComparison.Ordinal);
        Assert.All(new[] { option, command, format }, r => Assert.Empty(r.Output));
    }

    [Fact]
    public async Task A_name_no_configuration_could_define_exits_2_for_services_jobs_and_instances()
    {
        await using var daemon = await TestDaemon.StartAsync();

        var service = await daemon.RunAsync("service", "start", "My_App");
        var job = await daemon.RunAsync("job", "logs", "Bad_Name");
        var instance = await daemon.RunAsync("service", "status", "web/EU");

        Assert.Equal((2, 2, 2), (service.ExitCode, job.ExitCode, instance.ExitCode));
        Assert.StartsWith("error: 'My_App' is not a valid name (use at most 63 lower-case letters", service.Error, StringComparison.Ordinal);
        Assert.StartsWith("error: 'Bad_Name' is not a valid name", job.Error, StringComparison.Ordinal);
        Assert.StartsWith("error: 'EU' is not a valid name", instance.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dash_dash_version_and_sky_version_say_the_same_version_without_a_commit_hash()
    {
        var flag = await SkyAsync("--version");
        var command = await SkyAsync("version");

        Assert.Equal(0, flag.ExitCode);
        var version = flag.Output.Trim();
        Assert.Matches(@"^\d+\.\d+\.\d+$", version);
        Assert.Equal($"sky {version}", command.Output.Split('\n')[0]);
        Assert.Contains($"daemon: unreachable", command.Output, StringComparison.Ordinal);
    }

    /// <summary>The sky program itself, as people run it: the version is its own, not the test host's.</summary>
    private static async Task<(int ExitCode, string Output)> SkyAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sky.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["SKY_ADDR"] = Nowhere;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await error;
        return (process.ExitCode, await output);
    }
}
