using System.CommandLine;
using System.Globalization;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary><c>sky job start NAME [--wait]</c>: runs a job now; with <c>--wait</c>, exits with the run's exit code.</summary>
public static class JobStartCommand
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var name = new Argument<string>("NAME") { Description = "The job" };
        var wait = new Option<bool>("--wait", "-w") { Description = "Wait for the run to end and exit with its exit code" };
        var command = new Command("start", "Run a job now, whatever its schedule") { name, wait };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            using var client = cli.Client();
            var job = parse.GetValue(name)!;
            var started = await client.PostAsync<JobStartAnswer>(JobCommand.JobPath(job, "/start"), new EmptyBody(), cancellationToken);
            if (!parse.GetValue(wait))
            {
                if (cli.Format == OutputFormat.Json)
                {
                    JsonOutput.Write(cli.Out, started);
                }
                else
                {
                    cli.Out.WriteLine($"Started run {started.Run} of {job}");
                }

                return ExitCodes.Ok;
            }

            var run = await WaitAsync(client, job, started.Run, cancellationToken);
            if (cli.Format == OutputFormat.Json)
            {
                JsonOutput.Write(cli.Out, run);
            }
            else
            {
                var code = run.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "-";
                cli.Out.WriteLine($"Run {run.Number} of {job} {run.State} (exit code {code}) in {HumanDuration.Format(run.DurationSeconds)}"
                    + (run.Message is { Length: > 0 } message ? $": {message}" : string.Empty));
            }

            // The run's own exit code, so scripts and CI can act on it; 1 when it ended without one (timed out, could not start).
            return run.State == JobRunView.Succeeded ? ExitCodes.Ok : run.ExitCode is > 0 and < 256 ? (int)run.ExitCode : ExitCodes.Failed;
        });
        return command;
    }

    private static async Task<JobRunView> WaitAsync(SkyClient client, string job, long number, CancellationToken cancellationToken)
    {
        while (true)
        {
            var run = await client.GetAsync<JobRunView>(JobCommand.JobPath(job, $"/runs/{number}"), cancellationToken);
            if (run.State != JobRunView.Running)
            {
                return run;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
