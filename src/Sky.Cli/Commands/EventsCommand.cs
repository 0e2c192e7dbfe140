using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary>
/// <c>sky events [-f] [--service NAME] [--since DURATION]</c>: what sky did and why (applies, starts, restarts with
/// their back-off, crash loops, heals), from the kept event log; with <c>-f</c>, then everything the state feed brings
/// as it happens (containers, health verdicts, job runs, alerts).
/// </summary>
public static class EventsCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing what happens, as it happens" };
        var service = new Option<string?>("--service", "-s") { Description = "Only what concerns this service or job" };
        var since = new Option<string?>("--since") { Description = "Only events this recent (30m, 1h, 2d) or since a time (2026-11-29T17:00:00Z)" };
        var limit = new Option<int>("--limit", "-n") { Description = "At most this many past events", DefaultValueFactory = _ => 100 };
        var command = new Command("events", "Show what sky did and why; -f follows it live") { follow, service, since, limit };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            using var client = cli.Client();
            var query = Query(("service", parse.GetValue(service)), ("since", parse.GetValue(since)));
            if (!parse.GetValue(follow))
            {
                var past = await client.GetAsync<List<EventView>>($"events?limit={parse.GetValue(limit)}{query}", cancellationToken);
                if (cli.Format == OutputFormat.Json)
                {
                    JsonOutput.Write(cli.Out, past);
                }
                else if (past.Count == 0)
                {
                    cli.Out.WriteLine("no events");
                }
                else
                {
                    TableOutput.Write(cli.Out, ["time", "kind", "service", "message"], past.Select(e => (IReadOnlyList<string>)[Time(e.Time), e.Kind, Target(e.Service, e.Instance), e.Message]));
                }

                return ExitCodes.Ok;
            }

            try
            {
                await FollowAsync(cli, client, query, parse.GetValue(limit), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// Subscribes first, then prints the kept history, then the live changes: an event both in the history and in the
    /// stream is printed once (by its number).
    /// </summary>
    private static async Task FollowAsync(CliContext cli, SkyClient client, string query, int limit, CancellationToken cancellationToken)
    {
        await using var stream = client.ServerSentEventsAsync($"events/stream?{query.TrimStart('&')}", cancellationToken).GetAsyncEnumerator(cancellationToken);
        var first = stream.MoveNextAsync().AsTask();
        if (!await first)
        {
            return;
        }

        var past = await client.GetAsync<List<EventView>>($"events?limit={limit}{query}", cancellationToken);
        foreach (var entry in past)
        {
            Print(cli, new FeedChangeView { Sequence = 0, Time = entry.Time, Type = "activity", Kind = entry.Kind, EventId = entry.Id, Service = entry.Service, Instance = entry.Instance, Message = entry.Message });
        }

        var printedUpTo = past.Count > 0 ? past[^1].Id : 0;
        while (await stream.MoveNextAsync())
        {
            var (name, data) = stream.Current;
            if (name != "change")
            {
                continue;
            }

            var change = JsonSerializer.Deserialize(data, SkyJson.Info<FeedChangeView>())!;
            if (change.EventId is { } id && id <= printedUpTo)
            {
                continue;
            }

            Print(cli, change);
        }
    }

    private static void Print(CliContext cli, FeedChangeView change)
    {
        if (cli.Format == OutputFormat.Json)
        {
            cli.Out.WriteLine(JsonSerializer.Serialize(change, SkyJson.Info<FeedChangeView>()));
        }
        else
        {
            var kind = change.Kind is { } k && change.Type is "activity" ? k : change.Type;
            cli.Out.WriteLine($"{Time(change.Time)}  {kind,-12}  {Target(change.Service, change.Instance),-28}  {change.Message}");
        }

        cli.Out.Flush();
    }

    private static string Query(params (string Name, string? Value)[] parameters) =>
        string.Concat(parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"&{p.Name}={Uri.EscapeDataString(p.Value!)}"));

    private static string Target(string? service, string? instance) =>
        service is null ? "-" : instance is null or "default" ? service : $"{service}/{instance}";

    private static string Time(DateTimeOffset time) => time.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
