using System.CommandLine;
using System.Globalization;

namespace Sky.Cli.Commands;

/// <summary><c>sky job list|start|runs|logs</c>: recurrent jobs and their runs.</summary>
public static class JobCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("job", "List recurrent jobs, run one now, look at their runs and output");
        command.Subcommands.Add(JobListCommand.Create(context));
        command.Subcommands.Add(JobStartCommand.Create(context));
        command.Subcommands.Add(JobRunsCommand.Create(context));
        command.Subcommands.Add(JobLogsCommand.Create(context));
        return command;
    }

    public static string JobPath(string name, string suffix = "") => $"jobs/{Uri.EscapeDataString(name)}{suffix}";

    /// <summary>Local time to the millisecond: start jitter is visible in a listing.</summary>
    public static string Time(DateTimeOffset? instant) =>
        instant?.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) ?? "-";
}
