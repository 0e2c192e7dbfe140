using System.CommandLine;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary>
/// <c>sky top</c>: a live table of every running container sky manages, busiest CPU first: CPU, memory and its
/// limit, network, and what the router saw (requests/s, p99, errors). Redrawn every two seconds until interrupted;
/// <c>--once</c> (or <c>-o json</c>) prints it once.
/// </summary>
public static class TopCommand
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(2);

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var once = new Option<bool>("--once") { Description = "Print the table once and exit" };
        var command = new Command("top", "Show running containers live: CPU, memory, network, requests/s, p99, errors") { once };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            using var client = cli.Client();
            var live = !parse.GetValue(once) && cli.Format != OutputFormat.Json;
            while (true)
            {
                var top = await client.GetAsync<TopView>("top", cancellationToken);
                if (cli.Format == OutputFormat.Json)
                {
                    JsonOutput.Write(cli.Out, top);
                    return ExitCodes.Ok;
                }

                if (live && !Console.IsOutputRedirected)
                {
                    cli.Out.Write("\u001b[H\u001b[2J"); // home and clear: the table is redrawn in place
                }

                Print(cli.Out, top);
                if (!live)
                {
                    return ExitCodes.Ok;
                }

                try
                {
                    await Task.Delay(Refresh, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return ExitCodes.Ok;
                }
            }
        });
        return command;
    }

    private static void Print(TextWriter output, TopView top)
    {
        output.WriteLine($"{top.Rows.Count} containers, sampled every {StatsText.Window(top.SampleIntervalSeconds)} ({top.Time.ToLocalTime():HH:mm:ss})");
        TableOutput.Write(
            output,
            ["container", "service", "instance", "cpu", "memory", "limit", "net in", "net out", "req/s", "p99", "errors"],
            top.Rows.Select(r => (IReadOnlyList<string>)
            [
                r.Container,
                r.Service ?? "-",
                r.Instance ?? "-",
                MetricText.Value("cpu.percent", r.CpuPercent),
                MetricText.Value("memory.usage", r.MemoryBytes),
                MetricText.Value("memory.limit", r.MemoryLimitBytes),
                MetricText.Value("network.rx.rate", r.NetworkReceivedPerSecond),
                MetricText.Value("network.tx.rate", r.NetworkSentPerSecond),
                r.RequestsPerSecond is { } rate ? StatsText.Rate(rate) : "-",
                MetricText.Value("latency.p99", r.LatencyP99Ms),
                MetricText.Value("requests.errors.percent", r.ErrorsPercent),
            ]));
    }
}
