using System.CommandLine;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary>
/// <c>sky service stats NAME[/INSTANCE] [--window 1m]</c>: what the router saw of a service's requests, one row per
/// instance (its containers together) and one per container, with the container's place in the router.
/// </summary>
public static class ServiceStatsCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var name = new Argument<string>("NAME") { Description = "NAME or NAME/INSTANCE" };
        var window = new Option<string>("--window", "-w") { Description = "How far back: 10s, 1m, 1h (at most 1h)", DefaultValueFactory = _ => "1m" };
        var command = new Command("stats", "Show a service's requests through the router: rates, answers, latencies, ejections") { name, window };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            using var client = cli.Client();
            var path = ServiceCommand.ServicePath(parse.GetValue(name)!, "/stats");
            path += (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "window=" + Uri.EscapeDataString(parse.GetValue(window)!);
            var stats = await client.GetAsync<ServiceStatsView>(path, cancellationToken);
            if (cli.Format == OutputFormat.Json)
            {
                JsonOutput.Write(cli.Out, stats);
                return ExitCodes.Ok;
            }

            var total = stats.Total;
            cli.Out.WriteLine($"{stats.Name} over the last {StatsText.Window(stats.WindowSeconds)}: {StatsText.Count(total.Requests)} requests, "
                + $"{StatsText.Rate(total.RequestsPerSecond)}/s, {StatsText.Percent(total)} errors, p99 {StatsText.Latency(total, total.LatencyMs.P99)}");
            TableOutput.Write(
                cli.Out,
                ["instance", "container", "req/s", "2xx", "4xx", "5xx", "err%", "p50", "p90", "p99", "in flight", "ejected/state"],
                stats.Instances.SelectMany(i => i.Containers
                    .Select(c => Row(i.Name, c.Name, c.Stats, RouterStateText.Of(c.Router)))
                    .Prepend(Row(i.Name, "all", i.Stats, i.Stats.Ejections == 0 ? "-" : $"{StatsText.Count(i.Stats.Ejections)} ejected"))));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static IReadOnlyList<string> Row(string instance, string container, RequestStatsView stats, string state) =>
    [
        instance,
        container,
        StatsText.Rate(stats.RequestsPerSecond),
        StatsText.Count(stats.Responses.Successful),
        StatsText.Count(stats.Responses.ClientError),
        StatsText.Count(stats.Responses.ServerError),
        StatsText.Percent(stats),
        StatsText.Latency(stats, stats.LatencyMs.P50),
        StatsText.Latency(stats, stats.LatencyMs.P90),
        StatsText.Latency(stats, stats.LatencyMs.P99),
        StatsText.Count(stats.InFlight),
        state,
    ];
}
