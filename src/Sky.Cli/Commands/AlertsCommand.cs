using System.CommandLine;
using System.Globalization;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary><c>sky alerts [--all]</c>: open incidents, or with <c>--all</c> recent closed ones too.</summary>
public static class AlertsCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var all = new Option<bool>("--all", "-a") { Description = "Show recent closed alerts as well as open ones" };
        var command = new Command("alerts", "List the alerts raised to maintainers") { all };
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
                ["id", "service/instance", "kind", "priority", "state", "opened", "last sent"],
                alerts.Select(a => (IReadOnlyList<string>)
                [
                    a.Id.ToString(CultureInfo.InvariantCulture), Target(a), a.Kind, a.Priority, a.State, Time(a.OpenedAt), a.LastSentAt is { } sent ? Time(sent) : "-",
                ]));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary><c>web</c> for a service's only (default) instance, <c>web/eu</c> otherwise: as the alert's notices name it.</summary>
    private static string Target(AlertView alert) =>
        alert.Instance.Length == 0 || alert.Instance == alert.Service || alert.Instance == "default" ? alert.Service : $"{alert.Service}/{alert.Instance}";

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
