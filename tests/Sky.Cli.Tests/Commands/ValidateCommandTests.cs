using System.Text.Json;

namespace Sky.Cli.Tests.Commands;

public sealed class ValidateCommandTests
{
    [Fact]
    public async Task The_examples_are_valid()
    {
        var run = await RunAsync("validate", Examples.Folder);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["ok"], run.Lines);
    }

    [Fact]
    public async Task Errors_go_to_stderr_with_their_position_and_a_non_zero_exit()
    {
        var broken = Examples.ChangedCopy(text => text.Replace("image: cassandra", "imagee: cassandra", StringComparison.Ordinal));

        var run = await RunAsync("validate", broken);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains("my-application.yml:30:3: database.imagee: unknown key 'imagee' (did you mean 'image'?)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_warning_goes_to_stderr_with_its_position_and_the_configuration_is_still_ok()
    {
        var path = ConfigFile.Write("app:\n  image: app\n  alerts:\n    - metric: memory.percnt\n      below: 10\n");

        var run = await RunAsync("validate", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["ok"], run.Lines);
        Assert.StartsWith(
            $"warning: {path}:4:15: app.alerts[0].metric: sky measures no metric 'memory.percnt' (did you mean 'memory.percent'?)",
            run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warnings_are_in_the_json_answer_and_still_on_stderr()
    {
        var path = ConfigFile.Write("app:\n  image: app\n  alerts: [ { metric: queue.depth, above: 1 } ]\n");

        var run = await RunAsync("validate", path, "-o", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.True(json.RootElement.GetProperty("ok").GetBoolean());
        var warning = Assert.Single(json.RootElement.GetProperty("warnings").EnumerateArray()).GetString();
        Assert.StartsWith($"{path}:3:23: app.alerts[0].metric: sky measures no metric 'queue.depth'", warning, StringComparison.Ordinal);
        Assert.Equal($"warning: {warning}", run.Error.TrimEnd());
    }

    [Fact]
    public async Task A_missing_path_is_a_clear_error()
    {
        var run = await RunAsync("validate", "/nonexistent/sky.yml");

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.StartsWith("error: /nonexistent/sky.yml:", run.Error, StringComparison.Ordinal);
    }

    private static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await SkyCommandLine.RunAsync(args, output, error, "http://127.0.0.1:9");
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
