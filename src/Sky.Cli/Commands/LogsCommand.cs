using System.CommandLine;
using Sky.Cli.Output;

namespace Sky.Cli.Commands;

/// <summary>
/// <c>sky logs</c>: the kept output of any containers by their labels (a service, a job's runs, one-off containers,
/// one container), with the filters of <c>sky service logs</c>; <c>sky logs status</c> says what the store holds and
/// how forwarding goes.
/// </summary>
public static class LogsCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var kind = new Option<string?>("--kind") { Description = "Only containers of this kind: service, job or one-off" };
        kind.AcceptOnlyFromAmong("service", "job", "one-off");
        var service = new Option<string?>("--service") { Description = "Only this service's containers (its one-offs too)" };
        var instance = new Option<string?>("--instance") { Description = "Only this instance's containers" };
        var job = new Option<string?>("--job") { Description = "Only this job's runs" };
        var run = new Option<long?>("--run") { Description = "Only this run of the job" };
        var container = new Option<string?>("--container") { Description = "Only this container (its engine name)" };
        var filters = new LogFilterOptions();
        var command = new Command("logs", "Print kept container output by labels; see also sky service logs and sky job logs") { kind, service, instance, job, run, container };
        filters.AddTo(command);
        command.Subcommands.Add(LogsStatusCommand.Create(context));
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var query = new List<string>();
            foreach (var (key, value) in new[] { ("kind", parse.GetValue(kind)), ("service", parse.GetValue(service)), ("instance", parse.GetValue(instance)), ("job", parse.GetValue(job)), ("container", parse.GetValue(container)) })
            {
                if (!string.IsNullOrEmpty(value))
                {
                    query.Add($"{key}={Uri.EscapeDataString(value)}");
                }
            }

            if (parse.GetValue(run) is long number)
            {
                query.Add(FormattableString.Invariant($"run={number}"));
            }

            query.Add(filters.Query(parse));
            var path = "logs?" + string.Join('&', query.Where(q => q.Length > 0));
            return await LogPrinter.PrintAsync(cli, path, filters.Raw(parse), "no output kept for that", cancellationToken);
        });
        return command;
    }
}
