using System.CommandLine;
using System.Globalization;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary><c>sky logs status</c>: the store's size against its limit, what it keeps, and each forwarding target's counts.</summary>
public static class LogsStatusCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("status", "What the log store holds, and how forwarding goes");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            using var client = cli.Client();
            var status = await client.GetAsync<LogStatusView>("logs/status", cancellationToken);
            if (cli.Format == OutputFormat.Json)
            {
                JsonOutput.Write(cli.Out, status);
                return ExitCodes.Ok;
            }

            cli.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store: {status.Lines} lines of {status.Sources} containers, {Mib(status.BytesOnDisk)} of {Mib(status.MaxBytes)}, kept {status.RetentionDays:0.#} days"));
            if (status.Forwarding.Count == 0)
            {
                cli.Out.WriteLine("forwarding: none (logs.forward in the daemon settings)");
                return ExitCodes.Ok;
            }

            TableOutput.Write(cli.Out, ["TARGET", "CONNECTED", "SENT", "BUFFERED", "DROPPED", "LAST ERROR"], status.Forwarding.Select(f => new[]
            {
                f.Target,
                f.Connected ? "yes" : "no",
                f.Sent.ToString(CultureInfo.InvariantCulture),
                f.Buffered.ToString(CultureInfo.InvariantCulture),
                f.Dropped.ToString(CultureInfo.InvariantCulture),
                f.LastError ?? "-",
            }));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.0} MiB");
}
