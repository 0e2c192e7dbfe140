using System.CommandLine;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary><c>sky ps</c>: every container the daemon manages.</summary>
public static class PsCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("ps", "List every container sky manages");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            using var client = cli.Client();
            var containers = await client.GetAsync<List<ContainerStatusView>>("containers", cancellationToken);
            if (cli.Format == OutputFormat.Json)
            {
                JsonOutput.Write(cli.Out, containers);
                return ExitCodes.Ok;
            }

            TableOutput.Write(
                cli.Out,
                ["name", "service", "instance", "role", "state", "health", "revision", "ports", "id"],
                containers.Select(c => (IReadOnlyList<string>)
                [
                    c.Name, c.Service, c.Instance, c.Role, c.State + (c.UpToDate ? string.Empty : " (outdated)"), Health(c), c.Revision ?? "-", Ports(c), c.Id ?? "-",
                ]));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The health column: the verdict, <c>no check</c> for a running container without checks, <c>-</c> for one that does not run.</summary>
    public static string Health(ContainerStatusView container) =>
        container.Health ?? (container.State == "running" && !container.Checked ? "no check" : "-");

    /// <summary><c>127.0.0.1:32768->8080</c> for each published port.</summary>
    public static string Ports(ContainerStatusView container) =>
        container.Ports.Count == 0 ? "-" : string.Join(", ", container.Ports.OrderBy(p => p.Key).Select(p => $"127.0.0.1:{p.Value}->{p.Key}"));
}
