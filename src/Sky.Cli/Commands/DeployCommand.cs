using System.CommandLine;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary>
/// <c>sky deploy PATH --wait</c>, for CI jobs and git hooks: applies the source, then follows the rollout of what it
/// changed. Exit 0 when all is healthy, 5 when it was rolled back, 1 when it failed with nothing to roll back to.
/// </summary>
public static class DeployCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var path = new Argument<string>("PATH") { Description = "A configuration file, or a folder of *.yml files" };
        var source = ApplyCommand.SourceOption();
        var wait = new Option<bool>("--wait") { Description = "Follow the rollout until what changed is healthy, rolled back or failed" };
        var timeout = new Option<string?>("--timeout") { Description = "How long --wait waits at most (default 10m)" };
        var command = new Command("deploy", "Apply a source and follow its rollout: exit 0 healthy, 5 rolled back, 1 failed") { path, source, wait, timeout };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var body = ApplyCommand.Request(parse.GetValue(path)!, parse.GetValue(source));
            // The daemon reads the duration (and refuses a bad one before applying anything).
            var query = parse.GetValue(wait) ? "?wait=true" + (parse.GetValue(timeout) is { } text ? $"&timeout={Uri.EscapeDataString(text)}" : string.Empty) : string.Empty;
            using var client = cli.Client();
            var printer = new OperationProgressPrinter(cli.Out, cli.Format, cli.Error);
            var exitCode = await printer.RunAsync(client.StreamAsync<StreamMessage>(HttpMethod.Post, "deploy" + query, body, cancellationToken));
            return printer.Outcome switch
            {
                "healthy" => Print(cli, $"Deployed revision {printer.Revision}: healthy", ExitCodes.Ok),
                "rolled-back" => Print(cli, $"Revision {printer.Revision} was rolled back", ExitCodes.RolledBack, printer),
                "failed" => Print(cli, $"Revision {printer.Revision} failed", ExitCodes.Failed, printer),
                _ => Print(cli, $"Applied revision {printer.Revision}", exitCode),
            };
        });
        return command;
    }

    private static int Print(CliContext cli, string line, int exitCode, OperationProgressPrinter? failed = null)
    {
        if (cli.Format == OutputFormat.Table)
        {
            cli.Out.WriteLine(line);
        }

        foreach (var why in failed?.RolloutDetails ?? [])
        {
            cli.Error.WriteLine(why);
        }

        return exitCode;
    }
}
