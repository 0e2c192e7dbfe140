using System.CommandLine;
using System.Globalization;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary>
/// <c>sky alerts [--all]</c>: open incidents (or with <c>--all</c> recent closed ones too), each with whether anyone was
/// told; <c>sky alerts show|ack|close ID</c> look at one, acknowledge it or close it.
/// </summary>
public static class AlertsCommand
{
    /// <summary>The channel the daemon records for a notice no channel took.</summary>
    private const string NoChannel = "none";

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var all = new Option<bool>("--all", "-a") { Description = "Show recent closed alerts as well as open ones" };
        var command = new Command("alerts", "List the alerts raised to maintainers, and whether anyone was told") { all };
        command.Subcommands.Add(AlertShowCommand.Create(context));
        command.Subcommands.Add(AlertChangeCommand.Create("ack", "Acknowledge an alert: no more reminders or escalation; it stays open until recovery", context));
        command.Subcommands.Add(AlertChangeCommand.Create("close", "Close an alert by hand; a new failure opens a new one", context));
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            using var client = cli.Client();
            var alerts = await client.GetAsync<List<AlertView>>(parse.GetValue(all) ? "alerts?state=all" : "alerts?state=open", cancellationToken);
            if (cli.Format == OutputFormat.Json)
            {
                JsonOutput.Write(cli.Out, alerts);
                return ExitCodes.Ok;
            }

            if (alerts.Count == 0)
            {
                cli.Out.WriteLine(parse.GetValue(all) ? "no alerts" : "no open alerts");
                return ExitCodes.Ok;
            }

            TableOutput.Write(
                cli.Out,
                ["id", "service/instance", "kind", "priority", "state", "opened", "last sent", "told"],
                alerts.Select(a => (IReadOnlyList<string>)
                [
                    a.Id.ToString(CultureInfo.InvariantCulture), Target(a), a.Kind, a.Priority, a.State, Time(a.OpenedAt), a.LastSentAt is { } sent ? Time(sent) : "-", Told(a),
                ]));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary><c>web</c> for a service's only (default) instance, <c>web/eu</c> otherwise: as the alert's notices name it.</summary>
    public static string Target(AlertView alert) =>
        alert.Instance.Length == 0 || alert.Instance == alert.Service || alert.Instance == "default" ? alert.Service : $"{alert.Service}/{alert.Instance}";

    /// <summary>
    /// Whether anyone was told, channel by channel (in order of name) from the latest attempt on each: <c>email ok, webhook failed: ...</c>,
    /// or the reason nobody was (<c>no channel configured: nobody was told</c>); <c>-</c> while the first notice is on
    /// its way. A "nobody" from before a channel took a later notice is history, not the answer.
    /// </summary>
    public static string Told(AlertView alert)
    {
        var latest = alert.Deliveries.Where(d => d.Channel != NoChannel).Select(d => d.Id).DefaultIfEmpty(0).Max();
        var shown = alert.Deliveries.Where(d => d.Channel != NoChannel || d.Id > latest)
            .OrderBy(d => d.Channel, StringComparer.Ordinal).ThenBy(d => d.Target, StringComparer.Ordinal).ToList();
        return shown.Count == 0 ? "-" : string.Join(", ", shown.Select(Outcome));
    }

    /// <summary>One attempt in words: <c>email ok</c>, <c>webhook failed: the webhook answered 404 Not Found</c>.</summary>
    public static string Outcome(AlertDeliveryView delivery) =>
        delivery.Channel == NoChannel ? delivery.Error ?? "nobody was told"
        : delivery.Delivered ? $"{delivery.Channel} ok"
        : $"{delivery.Channel} failed: {delivery.Error}";

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
