using System.CommandLine;
using System.Globalization;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary><c>sky alerts show ID</c>: one alert in full and every attempt to tell someone about it.</summary>
public static class AlertShowCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var id = new Argument<long>("ID") { Description = "The alert's number, as sky alerts lists it" };
        var command = new Command("show", "Show one alert and every attempt to deliver its notices") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            using var client = cli.Client();
            var number = parse.GetValue(id).ToString(CultureInfo.InvariantCulture);
            var alert = await client.GetAsync<AlertView>($"alerts/{number}", cancellationToken);
            var deliveries = await client.GetAsync<List<AlertDeliveryView>>($"alerts/{number}/deliveries", cancellationToken);
            if (cli.Format == OutputFormat.Json)
            {
                JsonOutput.Write(cli.Out, new AlertShowJson(alert, deliveries));
                return ExitCodes.Ok;
            }

            cli.Out.WriteLine($"alert #{alert.Id}: {AlertsCommand.Target(alert)} {alert.Kind} ({alert.Priority}, {alert.State})");
            cli.Out.WriteLine(alert.Message);
            cli.Out.WriteLine($"opened {AlertsCommand.Time(alert.OpenedAt)}, {alert.Failures} failure(s)"
                + (alert.LastSentAt is { } sent ? $", last sent {AlertsCommand.Time(sent)}" : string.Empty)
                + (alert.ClosedAt is { } closed ? $", closed {AlertsCommand.Time(closed)}" : string.Empty));
            if (alert.MaintainerEmail is not null)
            {
                cli.Out.WriteLine($"maintainer: {alert.MaintainerName} <{alert.MaintainerEmail}>");
            }

            cli.Out.WriteLine($"told: {AlertsCommand.Told(alert)}");
            if (deliveries.Count > 0)
            {
                cli.Out.WriteLine();
                TableOutput.Write(
                    cli.Out,
                    ["time", "notice", "channel", "target", "attempt", "outcome"],
                    deliveries.Select(d => (IReadOnlyList<string>)
                    [
                        AlertsCommand.Time(d.Time), d.Notice, d.Channel, d.Target, d.Attempt.ToString(CultureInfo.InvariantCulture),
                        d.Delivered ? "delivered" : d.Error ?? "failed",
                    ]));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
