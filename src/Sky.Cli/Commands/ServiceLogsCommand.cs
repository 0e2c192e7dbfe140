using System.CommandLine;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary>
/// <c>sky service logs NAME[/INSTANCE]</c>: a service's kept output, also of containers since replaced or removed, in
/// time order across its containers, filtered by time, stream and text. A service that printed nothing gets a word on
/// stderr, so that silence is not mistaken for a hang, and a pipe still reads only output.
/// </summary>
public static class ServiceLogsCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var name = new Argument<string>("NAME") { Description = "NAME or NAME/INSTANCE" };
        var filters = new LogFilterOptions();
        var dependencies = new Option<bool>("--dependencies") { Description = "Include the instance's dependency containers" };
        var command = new Command("logs", "Print a service's output, kept after its containers are gone") { name, dependencies };
        filters.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var target = parse.GetValue(name)!;
            var path = ServiceCommand.ServicePath(target, "/logs");
            var query = filters.Query(parse) + (parse.GetValue(dependencies) ? "&dependencies=true" : string.Empty);
            path += (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query.TrimStart('&');
            return await LogPrinter.PrintAsync(cli, path, filters.Raw(parse), $"{target}: no output yet", cancellationToken);
        });
        return command;
    }
}
