using System.CommandLine;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary>
/// <c>sky metrics NAME[/INSTANCE] [--since 1h] [METRIC...]</c>: a service's kept metrics, a row per series (its
/// container, the newest value, least, average and most over the range, and a sparkline); <c>--global</c> shows
/// StatsD's names instead, which belong to no service.
/// </summary>
public static class MetricsCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var name = new Argument<string?>("NAME") { Description = "NAME or NAME/INSTANCE (with --global: a metric)", Arity = ArgumentArity.ZeroOrOne };
        var metrics = new Argument<string[]>("METRIC") { Description = "Only these metrics (cpu.percent, requests.5xx.rate, stats_counts.logins...)", Arity = ArgumentArity.ZeroOrMore };
        var since = new Option<string>("--since") { Description = "From how long ago (30m, 6h, 7d) or a time", DefaultValueFactory = _ => "1h" };
        var until = new Option<string?>("--until") { Description = "Up to how long ago, or a time (default now)" };
        var container = new Option<string?>("--container") { Description = "Only this container's series" };
        var global = new Option<bool>("--global") { Description = "StatsD's metrics (stats.*, stats_counts.*), which belong to no service" };
        var command = new Command("metrics", "Show kept metrics of a service, an instance or StatsD, over a time range") { name, metrics, since, until, container, global };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var target = parse.GetValue(name);
            var isGlobal = parse.GetValue(global);
            var names = (parse.GetValue(metrics) ?? []).ToList();
            if (isGlobal && !string.IsNullOrEmpty(target))
            {
                // With --global there is no service to name: every word is a metric.
                names.Insert(0, target);
                target = null;
            }

            if (!isGlobal && string.IsNullOrEmpty(target))
            {
                throw new CliException(ExitCodes.Invalid, "name a service (NAME or NAME/INSTANCE), or give --global for StatsD's metrics");
            }

            var query = new List<string> { "since=" + Uri.EscapeDataString(parse.GetValue(since)!) };
            if (isGlobal)
            {
                query.Add("global=true");
            }
            else
            {
                var parts = target!.Split('/', 2);
                query.Add("service=" + Uri.EscapeDataString(parts[0]));
                if (parts.Length == 2)
                {
                    query.Add("instance=" + Uri.EscapeDataString(parts[1]));
                }
            }

            foreach (var (key, value) in new[] { ("until", parse.GetValue(until)), ("container", parse.GetValue(container)) })
            {
                if (!string.IsNullOrEmpty(value))
                {
                    query.Add($"{key}={Uri.EscapeDataString(value)}");
                }
            }

            query.AddRange(names.Select(m => "name=" + Uri.EscapeDataString(m)));
            using var client = cli.Client();
            var view = await client.GetAsync<MetricsView>("metrics?" + string.Join('&', query), cancellationToken);
            if (cli.Format == OutputFormat.Json)
            {
                JsonOutput.Write(cli.Out, view);
                return ExitCodes.Ok;
            }

            if (view.Series.Count == 0)
            {
                cli.Error.WriteLine("no metrics kept for that over this range");
                return ExitCodes.Ok;
            }

            TableOutput.Write(
                cli.Out,
                ["metric", "container", "last", "min", "avg", "max", "over the range"],
                view.Series.Select(s => (IReadOnlyList<string>)
                [
                    s.Name,
                    s.Container ?? (s.Service is null ? "-" : $"{s.Instance} (all)"),
                    MetricText.Value(s.Name, s.Values.Count > 0 ? s.Values[^1] : null),
                    MetricText.Value(s.Name, s.Values.Count > 0 ? s.Values.Min() : null),
                    MetricText.Value(s.Name, s.Values.Count > 0 ? s.Values.Average() : null),
                    MetricText.Value(s.Name, s.Values.Count > 0 ? s.Values.Max() : null),
                    MetricText.Sparkline(s.Values),
                ]));
            return ExitCodes.Ok;
        });
        return command;
    }
}
