using System.CommandLine;
using System.Globalization;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary>
/// <c>sky service rollback NAME[/INSTANCE] [--to REV]</c>: back to the whole spec of an earlier revision (by default the
/// last that deployed it as something else), as a new revision, converged as an apply is.
/// </summary>
public static class ServiceRollbackCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var name = new Argument<string>("NAME") { Description = "NAME or NAME/INSTANCE" };
        var to = new Option<long?>("--to") { Description = "The revision to return to (default: the last one that deployed it as something else)" };
        var command = new Command("rollback", "Return a service (or one instance) to its spec at an earlier revision") { name, to };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var target = parse.GetValue(name)!;
            var path = ServiceCommand.ServicePath(target, "/rollback");
            if (parse.GetValue(to) is long revision)
            {
                path += (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "to=" + revision.ToString(CultureInfo.InvariantCulture);
            }

            using var client = cli.Client();
            var printer = new OperationProgressPrinter(cli.Out, cli.Format, cli.Error);
            var exitCode = await printer.RunAsync(client.StreamAsync<StreamMessage>(HttpMethod.Post, path, null, cancellationToken));
            if (cli.Format == OutputFormat.Table && printer.Revision is long made)
            {
                cli.Out.WriteLine($"Rolled back {target} in revision {made}");
            }

            return exitCode;
        });
        return command;
    }
}
