using System.CommandLine;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary><c>sky job logs NAME [RUN]</c>: the output of a run (the latest when no run is named).</summary>
public static class JobLogsCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var name = new Argument<string>("NAME") { Description = "The job" };
        var run = new Argument<long?>("RUN") { Description = "A run's number within the job (see sky job runs); the latest run when left out", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("logs", "Print the output of a job's run") { name, run };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            using var client = cli.Client();
            var job = parse.GetValue(name)!;
            var path = parse.GetValue(run) is long number ? JobCommand.JobPath(job, $"/runs/{number}/logs") : JobCommand.JobPath(job, "/logs");
            var answer = await client.GetAsync<JobRunView>(path, cancellationToken);
            if (cli.Format == OutputFormat.Json)
            {
                JsonOutput.Write(cli.Out, answer);
                return ExitCodes.Ok;
            }

            // The output as the job wrote it: no prefix, so it can be piped.
            cli.Out.Write(answer.Output ?? string.Empty);
            return ExitCodes.Ok;
        });
        return command;
    }
}
