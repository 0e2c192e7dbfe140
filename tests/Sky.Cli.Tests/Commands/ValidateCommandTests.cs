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
