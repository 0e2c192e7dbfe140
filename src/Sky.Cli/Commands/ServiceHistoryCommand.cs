using System.CommandLine;
using System.Globalization;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary><c>sky service history NAME</c>: the revisions that changed a service, newest first, with what changed and how it went.</summary>
public static class ServiceHistoryCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var name = new Argument<string>("NAME") { Description = "The service (or job)" };
        var limit = new Option<int?>("--limit", "-n") { Description = "How many revisions to show (default 50)" };
        var command = new Command("history", "Show the revisions that changed a service: when, from where, what changed, and the outcome") { name, limit };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            using var client = cli.Client();
            var path = $"services/{Uri.EscapeDataString(parse.GetValue(name)!)}/history" + (parse.GetValue(limit) is int n ? $"?limit={n}" : string.Empty);
            var history = await client.GetAsync<ServiceHistoryView>(path, cancellationToken);
            if (cli.Format == OutputFormat.Json)
            {
                JsonOutput.Write(cli.Out, history);
                return ExitCodes.Ok;
            }

            TableOutput.Write(
                cli.Out,
                ["revision", "time", "source", "change", "what changed", "outcome"],
                history.Revisions.Select(r => (IReadOnlyList<string>)
                [
                    r.Revision.ToString(CultureInfo.InvariantCulture) + (r.Revision == history.CurrentRevision ? " (current)" : string.Empty),
                    JobCommand.Time(r.CreatedAt),
                    r.Source,
                    r.Change.Change,
                    Summary(r.Change),
                    r.Change.OutcomeMessage is { } why ? $"{r.Change.Outcome}: {why}" : r.Change.Outcome ?? "-",
                ]));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The keys that changed, shortest form: <c>production/web.image "a:1" -> "a:2"; env</c>, cut to stay a table cell.</summary>
    private static string Summary(EntryChangeView change)
    {
        if (change.Details.Count == 0)
        {
            return "-";
        }

        var text = string.Join("; ", change.Details);
        return TerminalText.Neutralize(text.Length <= 100 ? text : text[..97] + "...");
    }
}
