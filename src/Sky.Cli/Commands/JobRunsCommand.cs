using System.CommandLine;
using System.Globalization;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary><c>sky job runs NAME</c>: a job's run history, newest first, each run with its number within the job.</summary>
public static class JobRunsCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var name = new Argument<string>("NAME") { Description = "The job" };
        var limit = new Option<int?>("--limit", "-n") { Description = "How many runs to show (default 100)" };
        var command = new Command("runs", "Show a job's runs: trigger, start, end, duration, exit code, state") { name, limit };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            using var client = cli.Client();
            var path = JobCommand.JobPath(parse.GetValue(name)!, "/runs") + (parse.GetValue(limit) is int n ? $"?limit={n}" : string.Empty);
            var runs = await client.GetAsync<List<JobRunView>>(path, cancellationToken);
            if (cli.Format == OutputFormat.Json)
            {
                JsonOutput.Write(cli.Out, runs);
                return ExitCodes.Ok;
            }

            TableOutput.Write(
                cli.Out,
                ["run", "trigger", "start", "end", "duration", "exit code", "state", "message"],
                runs.Select(r => (IReadOnlyList<string>)
                [
                    r.Number.ToString(CultureInfo.InvariantCulture), r.Trigger, JobCommand.Time(r.StartedAt), JobCommand.Time(r.EndedAt), HumanDuration.Format(r.DurationSeconds),
                    r.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "-", r.State, r.Message ?? string.Empty,
                ]));
            return ExitCodes.Ok;
        });
        return command;
    }
}
