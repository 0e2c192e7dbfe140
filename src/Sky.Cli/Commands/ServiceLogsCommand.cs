using System.CommandLine;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary>
/// <c>sky service logs [-f] [--tail N] NAME[/INSTANCE]</c>: the output of a service's containers. A service that printed
/// nothing gets a word on stderr, so that silence is not mistaken for a hang, and a pipe still reads only output.
/// </summary>
public static class ServiceLogsCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var name = new Argument<string>("NAME") { Description = "NAME or NAME/INSTANCE" };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new lines as they come" };
        var tail = new Option<int?>("--tail", "-n") { Description = "Only the last N lines of each container" };
        var dependencies = new Option<bool>("--dependencies") { Description = "Include the instance's dependency containers" };
        var command = new Command("logs", "Print a service's output") { name, follow, tail, dependencies };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            using var client = cli.Client();
            var target = parse.GetValue(name)!;
            var path = ServiceCommand.ServicePath(target, "/logs");
            var query = $"follow={(parse.GetValue(follow) ? "true" : "false")}&dependencies={(parse.GetValue(dependencies) ? "true" : "false")}"
                + (parse.GetValue(tail) is int n ? $"&tail={n}" : string.Empty);
            path += (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
            var lines = 0;
            try
            {
                await foreach (var line in client.StreamAsync<LogLine>(HttpMethod.Get, path, null, cancellationToken))
                {
                    lines++;
                    cli.Out.WriteLine(cli.Format == OutputFormat.Json ? System.Text.Json.JsonSerializer.Serialize(line, SkyJson.Options) : $"{line.Container} | {line.Text}");
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Ok;
            }

            if (lines == 0)
            {
                cli.Error.WriteLine($"{target}: no output yet");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
