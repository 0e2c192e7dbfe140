using System.CommandLine;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary><c>sky service start|stop|restart|status|stats|logs NAME[/INSTANCE]</c>.</summary>
public static class ServiceCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("service", "Start, stop, restart and look at services");
        command.Subcommands.Add(Operation("start", "Start every instance of a service (or one), its dependencies first", context));
        command.Subcommands.Add(Operation("stop", "Stop a service's containers; they stay, ready to start again", context));
        command.Subcommands.Add(Operation("restart", "Stop then start a service's containers", context));
        command.Subcommands.Add(ServiceListCommand.Create(context));
        command.Subcommands.Add(ServiceStatusCommand.Create(context));
        command.Subcommands.Add(ServiceStatsCommand.Create(context));
        command.Subcommands.Add(ServiceLogsCommand.Create(context));
        command.Subcommands.Add(ServiceHistoryCommand.Create(context));
        command.Subcommands.Add(ServiceRollbackCommand.Create(context));
        command.Subcommands.Add(ServiceRemoveCommand.Create(context));
        return command;
    }

    /// <summary>Splits NAME[/INSTANCE] into the API path of a service and its instance query.</summary>
    public static string ServicePath(string target, string suffix)
    {
        var parts = target.Split('/', 2);
        var path = $"services/{Uri.EscapeDataString(parts[0])}{suffix}";
        return parts.Length == 2 ? $"{path}?instance={Uri.EscapeDataString(parts[1])}" : path;
    }

    private static Command Operation(string verb, string description, Func<ParseResult, CliContext> context)
    {
        var name = new Argument<string>("NAME") { Description = "NAME or NAME/INSTANCE" };
        var command = new Command(verb, description) { name };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            using var client = cli.Client();
            var printer = new OperationProgressPrinter(cli.Out, cli.Format);
            return await printer.RunAsync(client.StreamAsync<StreamMessage>(HttpMethod.Post, ServicePath(parse.GetValue(name)!, "/" + verb), null, cancellationToken));
        });
        return command;
    }
}
