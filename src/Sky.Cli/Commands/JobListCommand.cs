using System.CommandLine;
using System.Globalization;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary><c>sky job list</c>: every job with its schedule, next run and last run.</summary>
public static class JobListCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("list", "List the recurrent jobs of the applied configuration");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            using var client = cli.Client();
            var jobs = await client.GetAsync<List<JobView>>("jobs", cancellationToken);
            if (cli.Format == OutputFormat.Json)
            {
                JsonOutput.Write(cli.Out, jobs);
                return ExitCodes.Ok;
            }

            TableOutput.Write(
                cli.Out,
                ["name", "schedule", "next run", "last run", "last state", "exit code", "running"],
                jobs.Select(j => (IReadOnlyList<string>)
                [
                    j.Name, j.Schedule, JobCommand.Time(j.NextRunAt), j.LastRun is { } number ? $"{number} ({JobCommand.Time(j.LastRunAt)})" : "-",
                    j.LastRunState ?? "-", j.LastExitCode?.ToString(CultureInfo.InvariantCulture) ?? "-", j.Running.ToString(CultureInfo.InvariantCulture),
                ]));
            return ExitCodes.Ok;
        });
        return command;
    }
}
