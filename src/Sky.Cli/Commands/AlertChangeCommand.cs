using System.CommandLine;
using System.Globalization;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary>
/// <c>sky alerts ack ID</c> (someone is on it: no more reminders or escalation, open until recovery) and
/// <c>sky alerts close ID</c> (closed by hand, quietly). A closed alert cannot change any more.
/// </summary>
public static class AlertChangeCommand
{
    public static Command Create(string verb, string description, Func<ParseResult, CliContext> context)
    {
        var id = new Argument<long>("ID") { Description = "The alert's number, as sky alerts lists it" };
        var command = new Command(verb, description) { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            using var client = cli.Client();
            var alert = await client.PostAsync<AlertView>($"alerts/{parse.GetValue(id).ToString(CultureInfo.InvariantCulture)}/{verb}", new EmptyBody(), cancellationToken);
            if (cli.Format == OutputFormat.Json)
            {
                JsonOutput.Write(cli.Out, alert);
                return ExitCodes.Ok;
            }

            cli.Out.WriteLine(verb == "ack"
                ? $"alert #{alert.Id} acknowledged: no more reminders or escalation; it closes when {AlertsCommand.Target(alert)} recovers"
                : $"alert #{alert.Id} closed");
            return ExitCodes.Ok;
        });
        return command;
    }
}
