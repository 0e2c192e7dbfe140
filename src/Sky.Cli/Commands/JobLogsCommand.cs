using System.CommandLine;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary>
/// <c>sky job logs NAME [RUN]</c>: the output of a run (the latest when no run is named), from the log store, with the
/// same filters as a service's logs; <c>-f</c> follows a run still going. A run recorded before the store kept logs
/// prints the output its record holds.
/// </summary>
public static class JobLogsCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var name = new Argument<string>("NAME") { Description = "The job" };
        var run = new Argument<long?>("RUN") { Description = "A run's number within the job (see sky job runs); the latest run when left out", Arity = ArgumentArity.ZeroOrOne };
        var filters = new LogFilterOptions();
        var command = new Command("logs", "Print the output of a job's run") { name, run };
        filters.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var job = parse.GetValue(name)!;
            JobRunView answer;
            using (var client = cli.Client())
            {
                var path = parse.GetValue(run) is long number ? JobCommand.JobPath(job, $"/runs/{number}/logs") : JobCommand.JobPath(job, "/logs");
                answer = await client.GetAsync<JobRunView>(path, cancellationToken);
            }

            if (cli.Format == OutputFormat.Json)
            {
                JsonOutput.Write(cli.Out, answer);
                return ExitCodes.Ok;
            }

            var query = $"logs?kind=job&job={Uri.EscapeDataString(job)}&run={answer.Number}&{filters.Query(parse)}".TrimEnd('&');
            var printed = await PrintTextAsync(cli, query, filters.Raw(parse), cancellationToken);
            if (printed == 0 && query.EndsWith($"run={answer.Number}", StringComparison.Ordinal))
            {
                // No filter and nothing in the store: a run from before the store, whose record holds its output.
                cli.Out.Write(answer.Output ?? string.Empty);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The output as the job wrote it: no prefix, so it can be piped.</summary>
    private static async Task<int> PrintTextAsync(CliContext cli, string path, bool raw, CancellationToken cancellationToken)
    {
        using var client = cli.Client();
        var printed = 0;
        try
        {
            await foreach (var line in client.StreamAsync<LogLine>(HttpMethod.Get, path, null, cancellationToken))
            {
                printed++;
                cli.Out.WriteLine(raw ? line.Text : TerminalText.Neutralize(line.Text));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        return printed;
    }
}
