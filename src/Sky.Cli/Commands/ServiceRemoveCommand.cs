using System.CommandLine;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary>
/// <c>sky service rm NAME</c>: takes a service or job out of the source that defines it and removes its containers, as
/// a new revision. Asks first unless <c>--yes</c>; with no one to ask (input not a terminal) it refuses.
/// </summary>
public static class ServiceRemoveCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var name = new Argument<string>("NAME") { Description = "The service or job" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask" };
        var command = new Command("rm", "Remove a service or job from its source and remove its containers (asks first)") { name, yes };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var target = parse.GetValue(name)!;
            if (!parse.GetValue(yes) && !Confirm(cli, $"Remove {target} and its containers? Its source keeps the file; applying that source again brings it back. [y/N] "))
            {
                throw new CliException(ExitCodes.Failed, Console.IsInputRedirected
                    ? $"not removing {target}: say --yes to remove without being asked"
                    : $"not removing {target}");
            }

            using var client = cli.Client();
            var printer = new OperationProgressPrinter(cli.Out, cli.Format, cli.Error);
            var exitCode = await printer.RunAsync(client.StreamAsync<StreamMessage>(HttpMethod.Post, $"services/{Uri.EscapeDataString(target)}/remove", null, cancellationToken));
            if (cli.Format == OutputFormat.Table && printer.Revision is long revision)
            {
                cli.Out.WriteLine($"Removed {target} in revision {revision}");
            }

            return exitCode;
        });
        return command;
    }

    private static bool Confirm(CliContext cli, string question)
    {
        if (Console.IsInputRedirected)
        {
            return false;
        }

        cli.Error.Write(question);
        var answer = Console.ReadLine()?.Trim();
        return answer is not null && (answer.Equals("y", StringComparison.OrdinalIgnoreCase) || answer.Equals("yes", StringComparison.OrdinalIgnoreCase));
    }
}
