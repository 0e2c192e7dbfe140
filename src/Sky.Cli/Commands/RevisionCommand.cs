using System.CommandLine;
using System.Globalization;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary><c>sky revision list|show N|diff A B</c>: the applied revisions, one whole, and how two differ.</summary>
public static class RevisionCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("revision", "List, show and compare applied revisions");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(Diff(context));
        return command;
    }

    private static Command List(Func<ParseResult, CliContext> context)
    {
        var limit = new Option<int?>("--limit", "-n") { Description = "How many revisions to show (default 20)" };
        var command = new Command("list", "The newest revisions: number, time, kind and what made them") { limit };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            using var client = cli.Client();
            var revisions = await client.GetAsync<List<RevisionView>>("revisions" + (parse.GetValue(limit) is int n ? $"?limit={n}" : string.Empty), cancellationToken);
            if (cli.Format == OutputFormat.Json)
            {
                JsonOutput.Write(cli.Out, revisions);
                return ExitCodes.Ok;
            }

            TableOutput.Write(cli.Out, ["revision", "time", "kind", "source"], revisions.Select(r => (IReadOnlyList<string>)
                [r.Number.ToString(CultureInfo.InvariantCulture), JobCommand.Time(r.CreatedAt), r.Kind, r.Source]));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(Func<ParseResult, CliContext> context)
    {
        var number = new Argument<long>("N") { Description = "The revision" };
        var files = new Option<bool>("--files") { Description = "Print every file's text too" };
        var command = new Command("show", "One revision: what made it, its sources and files, the pins of rollbacks, and what it changed") { number, files };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            using var client = cli.Client();
            var revision = await client.GetAsync<RevisionDetailView>($"revisions/{parse.GetValue(number)}", cancellationToken);
            if (cli.Format == OutputFormat.Json)
            {
                JsonOutput.Write(cli.Out, revision);
                return ExitCodes.Ok;
            }

            cli.Out.WriteLine($"Revision {revision.Number} ({revision.Kind}) at {JobCommand.Time(revision.CreatedAt)} from {revision.Source}");
            foreach (var source in revision.Sources)
            {
                var removed = source.Removed.Count == 0 ? string.Empty : $" (removed: {string.Join(", ", source.Removed)})";
                cli.Out.WriteLine($"source {source.Name}{removed}");
                foreach (var file in source.Files)
                {
                    cli.Out.WriteLine($"  {file.Path}");
                    if (parse.GetValue(files))
                    {
                        foreach (var line in (file.Content ?? string.Empty).Split('\n'))
                        {
                            cli.Out.WriteLine($"    | {TerminalText.Neutralize(line.TrimEnd('\r'))}");
                        }
                    }
                }
            }

            foreach (var pin in revision.Pins)
            {
                cli.Out.WriteLine($"pinned {(pin.Instance is null ? pin.Service : $"{pin.Service}/{pin.Instance}")} at revision {pin.Revision}");
            }

            cli.Out.WriteLine(revision.Changes.Count == 0 ? "changed nothing" : "changes:");
            ChangeText.Write(cli.Out, revision.Changes);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Diff(Func<ParseResult, CliContext> context)
    {
        var from = new Argument<long>("A") { Description = "The earlier revision (0: nothing applied)" };
        var to = new Argument<long>("B") { Description = "The later revision" };
        var command = new Command("diff", "How the desired state of revision B differs from that of A, entry by entry and key by key") { from, to };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            using var client = cli.Client();
            var diff = await client.GetAsync<RevisionDiffView>($"revisions/{parse.GetValue(from)}/diff/{parse.GetValue(to)}", cancellationToken);
            if (cli.Format == OutputFormat.Json)
            {
                JsonOutput.Write(cli.Out, diff);
                return ExitCodes.Ok;
            }

            if (diff.Changes.Count == 0)
            {
                cli.Out.WriteLine($"Revisions {diff.From} and {diff.To} want the same.");
            }

            ChangeText.Write(cli.Out, diff.Changes);
            return ExitCodes.Ok;
        });
        return command;
    }
}
