using System.CommandLine;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary>
/// <c>sky diff PATH</c> (and <c>sky apply --dry-run PATH</c>): what applying the source would change, entry by entry
/// and key by key, and the containers it would create, replace or remove. Changes nothing.
/// </summary>
public static class DiffCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var path = new Argument<string>("PATH") { Description = "A configuration file, or a folder of *.yml files" };
        var source = ApplyCommand.SourceOption();
        var command = new Command("diff", "Show what applying a configuration would change, without changing anything") { path, source };
        command.SetAction(async (parse, cancellationToken) =>
            await RunAsync(context(parse), parse.GetValue(path)!, parse.GetValue(source), cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext cli, string path, string? sourceName, CancellationToken cancellationToken)
    {
        using var client = cli.Client();
        var preview = await client.PostAsync<ApplyPreviewView>("apply/preview", ApplyCommand.Request(path, sourceName), cancellationToken);
        foreach (var warning in preview.Warnings)
        {
            cli.Error.WriteLine($"warning: {warning}");
        }

        if (cli.Format == OutputFormat.Json)
        {
            JsonOutput.Write(cli.Out, preview);
            return ExitCodes.Ok;
        }

        var acting = preview.Steps.Where(s => s.Container && s.Action is not ("AlreadyRunning" or "AlreadyStopped")).ToList();
        if (preview.Changes.Count == 0 && acting.Count == 0)
        {
            cli.Out.WriteLine($"No changes: {preview.Source} is applied as it is.");
            return ExitCodes.Ok;
        }

        ChangeText.Write(cli.Out, preview.Changes);
        if (acting.Count > 0)
        {
            cli.Out.WriteLine();
            cli.Out.WriteLine("Containers:");
            foreach (var step in acting)
            {
                cli.Out.WriteLine(string.IsNullOrEmpty(step.Reason) ? $"  {step.Verb} {step.Target}" : $"  {step.Verb} {step.Target} ({step.Reason})");
            }
        }

        cli.Out.WriteLine();
        cli.Out.WriteLine("Nothing was changed (dry run).");
        return ExitCodes.Ok;
    }
}
