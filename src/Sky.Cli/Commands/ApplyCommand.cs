using System.CommandLine;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary>
/// <c>sky apply PATH</c>: sends a source (a file or folder, named by its path or <c>--source</c>) to the daemon, which
/// records the whole desired state as a new revision and converges. Only the source's own entries change.
/// </summary>
public static class ApplyCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var path = new Argument<string>("PATH") { Description = "A configuration file, or a folder of *.yml files" };
        var source = SourceOption();
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would change (as sky diff does) and change nothing" };
        var command = new Command("apply", "Apply a source: add or update its entries, remove those it no longer holds, as a new revision") { path, source, dryRun };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            if (parse.GetValue(dryRun))
            {
                return await DiffCommand.RunAsync(cli, parse.GetValue(path)!, parse.GetValue(source), cancellationToken);
            }

            using var client = cli.Client();
            var body = Request(parse.GetValue(path)!, parse.GetValue(source));
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

    public static Option<string?> SourceOption() => new("--source")
    {
        Description = "The source's name (default: the path's full form); applying it again replaces only what it held",
    };

    /// <summary>The files of <paramref name="path"/>, with the path they came from and the source's name.</summary>
    public static FilesRequest Request(string path, string? sourceName)
    {
        var files = ValidateCommand.ReadFiles(path);
        return new FilesRequest(Path.GetFullPath(path), files.Select(f => new FileContent(f.Path, f.Content)).ToList()) { Name = sourceName };
    }
}
