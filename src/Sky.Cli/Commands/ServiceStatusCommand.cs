using System.CommandLine;
using System.Globalization;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary>
/// <c>sky service status NAME[/INSTANCE]</c>: each container's state, health, last check and restarts (and its breaker
/// when the router keeps requests from it), then the addresses each instance is reached at through the router.
/// </summary>
public static class ServiceStatusCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var name = new Argument<string>("NAME") { Description = "NAME or NAME/INSTANCE" };
        var command = new Command("status", "Show what runs for a service, read from the engine") { name };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            using var client = cli.Client();
            var status = await client.GetAsync<ServiceStatusView>(ServiceCommand.ServicePath(parse.GetValue(name)!, string.Empty), cancellationToken);
            if (cli.Format == OutputFormat.Json)
            {
                JsonOutput.Write(cli.Out, status);
                return ExitCodes.Ok;
            }

            cli.Out.WriteLine($"{status.Name} (revision {status.Revision}{(status.Maintainer is null ? string.Empty : ", maintainer " + status.Maintainer)})");
            TableOutput.Write(
                cli.Out,
                ["instance", "container", "state", "health", "last check", "restarts", "ports", "image"],
                status.Instances.SelectMany(i => i.Containers.Select(c => (IReadOnlyList<string>)
                [
                    i.WantedRunning ? i.Name : i.Name + " (stopped)",
                    c.Name,
                    c.State + (c.UpToDate ? string.Empty : " (outdated)") + (c.Router is { } router && RouterStateText.Breaker(router) is { } breaker ? $" ({breaker})" : string.Empty),
                    PsCommand.Health(c),
                    c.LastCheck ?? "-",
                    c.Restarts.ToString(CultureInfo.InvariantCulture),
                    PsCommand.Ports(c),
                    c.Image ?? "-",
                ])));
            var routed = status.Instances.Where(i => i.Addresses is { Count: > 0 }).ToList();
            if (routed.Count > 0)
            {
                cli.Out.WriteLine();
                TableOutput.Write(cli.Out, ["instance", "address"], routed.SelectMany(i => i.Addresses!.Select(a => (IReadOnlyList<string>)[i.Name, a])));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
