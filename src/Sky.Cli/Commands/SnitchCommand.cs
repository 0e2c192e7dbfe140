using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary>
/// <c>sky snitch -c "CMD"</c>: runs a command here through <c>/bin/sh -c</c>, passes its output through, logs its start
/// and end with timestamps, exits with its exit code, and sends a notification (exit code, duration, last lines of
/// output) by e-mail and/or webhook through the daemon. A daemon that cannot be reached costs the notification only.
/// Whenever nobody was told (no channel given, a refusal, a channel that failed), stderr says so; the exit code stays
/// the command's, since the command's outcome is what scripts act on. With <c>-o json</c>, the command's output and
/// snitch's lines go to stderr and stdout holds one JSON document: the command, its exit code, start, duration in
/// seconds, last lines and where the notification went.
/// </summary>
public static class SnitchCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var run = new Option<string>("--command", "-c") { Description = "The command to run, through /bin/sh -c", Required = true };
        var email = new Option<string?>("--notify-email") { Description = "E-mail address to notify when the command ends (sent by the daemon's SMTP settings)" };
        var webhook = new Option<string?>("--notify-webhook") { Description = "Slack-compatible webhook URL to notify when the command ends" };
        var command = new Command("snitch", "Run a command, log its start and end, and notify when it finishes") { run, email, webhook };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var text = parse.GetValue(run)!;
            if (text.Trim().Length == 0)
            {
                throw new CliException(ExitCodes.Invalid, "the command is empty");
            }

            var (exitCode, started, duration, tail) = await RunAsync(cli, text, cancellationToken);
            var (to, hook) = (parse.GetValue(email), parse.GetValue(webhook));
            IReadOnlyList<string>? notified = null;
            string? problem = null;
            if (to is not null || hook is not null)
            {
                (notified, problem) = await NotifyAsync(cli, SnitchNotice.Compose(text, exitCode, started, duration, tail, Environment.MachineName, to, hook), cancellationToken);
            }
            else
            {
                problem = "no channel configured (--notify-email, --notify-webhook): nobody was told";
                cli.Error.WriteLine($"snitch: {problem}");
            }

            if (cli.Format == OutputFormat.Json)
            {
                JsonOutput.Write(cli.Out, new SnitchJson(text, exitCode, started, duration.TotalSeconds, tail, notified, problem));
            }

            return exitCode;
        });
        return command;
    }

    private static async Task<(int ExitCode, DateTimeOffset Started, TimeSpan Duration, IReadOnlyList<string> Tail)> RunAsync(CliContext cli, string text, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(text);
        var gate = new Lock();
        var tail = new Queue<string>();
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        Log(cli, gate, $"started: {text}");
        using var process = Process.Start(start) ?? throw new CliException(ExitCodes.Failed, "cannot start /bin/sh");
        var pumps = new[]
        {
            PumpAsync(process.StandardOutput, cli.Human, gate, tail),
            PumpAsync(process.StandardError, cli.Error, gate, tail),
        };
        try
        {
            await process.WaitForExitAsync(cancellationToken);
            await Task.WhenAll(pumps);
        }
        catch (OperationCanceledException)
        {
            // Interrupted: the command goes with us, as it would in a terminal.
            process.Kill(entireProcessTree: true);
            Log(cli, gate, $"interrupted after {SnitchNotice.FormatDuration(clock.Elapsed)}");
            throw;
        }

        var exitCode = process.ExitCode;
        var duration = clock.Elapsed;
        Log(cli, gate, exitCode == 0 ? $"finished: exit 0 after {SnitchNotice.FormatDuration(duration)}" : $"failed: exit {exitCode} after {SnitchNotice.FormatDuration(duration)}");
        lock (gate)
        {
            return (exitCode, started, duration, tail.ToList());
        }
    }

    private static async Task PumpAsync(StreamReader source, TextWriter target, Lock gate, Queue<string> tail)
    {
        while (await source.ReadLineAsync() is { } line)
        {
            lock (gate)
            {
                target.WriteLine(line);
                target.Flush();
                tail.Enqueue(line);
                if (tail.Count > SnitchNotice.TailLines)
                {
                    tail.Dequeue();
                }
            }
        }
    }

    private static void Log(CliContext cli, Lock gate, string what)
    {
        lock (gate)
        {
            cli.Human.WriteLine($"[{DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}] snitch: {what}");
            cli.Human.Flush();
        }
    }

    /// <summary>Where the notification was queued, or why it could not be sent.</summary>
    private static async Task<(IReadOnlyList<string>? Queued, string? Problem)> NotifyAsync(CliContext cli, NotifyRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var client = cli.Client();
            var answer = await client.PostAsync<NotifyAnswer>("notify", request, cancellationToken);
            var deliveries = answer.Deliveries ?? [];
            var told = deliveries.Where(d => d.Delivered == true).Select(d => $"{d.Channel} {d.Target}").ToList();
            var waiting = deliveries.Where(d => d.Delivered is null).Select(d => $"{d.Channel} {d.Target}").ToList();
            var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            if (told.Count > 0)
            {
                cli.Human.WriteLine($"[{now}] snitch: notified by {string.Join(", ", told)}");
            }

            if (waiting.Count > 0)
            {
                cli.Human.WriteLine($"[{now}] snitch: notification handed to the daemon, not delivered yet: {string.Join(", ", waiting)} (see sky events)");
            }

            var failures = deliveries.Where(d => d.Delivered == false).Select(d => $"{d.Channel} {d.Target} failed: {d.Error}").ToList();
            foreach (var failed in failures)
            {
                cli.Error.WriteLine($"snitch: {failed} (the daemon tries again; see sky events)");
            }

            if (told.Count == 0 && waiting.Count == 0)
            {
                cli.Error.WriteLine("snitch: nobody was told");
                failures.Add("nobody was told");
            }

            return ([.. told, .. waiting], failures.Count > 0 ? string.Join("; ", failures) : null);
        }
        catch (CliException exception)
        {
            // The command ran and its exit code stands; only the notification is lost, and people are told so.
            cli.Error.WriteLine($"snitch: the notification could not be sent, nobody was told: {exception.Message}");
            return (null, exception.Message);
        }
    }
}
