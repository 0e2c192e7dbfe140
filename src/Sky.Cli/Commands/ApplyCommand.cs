using System.CommandLine;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary><c>sky apply PATH</c>: sends a configuration to the daemon, which records it as a revision and converges.</summary>
public static class ApplyCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var path = new Argument<string>("PATH") { Description = "A configuration file, or a folder of *.yml files" };
        var command = new Command("apply", "Register a configuration as a new revision and update what runs") { path };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var source = parse.GetValue(path)!;
            var files = ValidateCommand.ReadFiles(source);
            using var client = cli.Client();
            var body = new FilesRequest(Path.GetFullPath(source), files.Select(f => new FileContent(f.Path, f.Content)).ToList());
            var printer = new OperationProgressPrinter(cli.Out, cli.Format, cli.Error);
            var exitCode = await printer.RunAsync(client.StreamAsync<StreamMessage>(HttpMethod.Post, "apply", body, cancellationToken));
            if (cli.Format == OutputFormat.Table && printer.Revision is long revision)
            {
                cli.Out.WriteLine($"Applied revision {revision}");
            }

            return exitCode;
        });
        return command;
    }
}
