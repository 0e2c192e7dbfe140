using System.CommandLine;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary>
/// <c>sky ps</c>: every container the daemon manages, and the foreign ones: those another daemon sharing its namespace
/// made, marked with that daemon's identity, so a person sees why a name is taken.
/// </summary>
public static class PsCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("ps", "List every container sky manages, and other sky daemons' containers in its namespace (foreign)");
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
                    c.Name, c.Service, c.Instance, c.Role, State(c), Health(c), c.Revision ?? "-", Ports(c), c.Id ?? "-",
                ]));

            // Said once per other daemon, under the table: where to go to free a name this daemon wants.
            foreach (var other in containers.Select(c => c.Foreign).OfType<DaemonIdentityView>().Distinct())
            {
                cli.Out.WriteLine($"foreign {other.Identity}: made by another sky daemon sharing this namespace (data folder {other.DataFolder ?? "unknown"}); this daemon never touches them");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The state column: the engine's state, marked <c>(outdated)</c> or <c>(foreign IDENTITY)</c>.</summary>
    public static string State(ContainerStatusView container) =>
        container.Foreign is { } other ? $"{container.State} (foreign {other.Identity})"
        : container.UpToDate ? container.State
        : $"{container.State} (outdated)";

    /// <summary>
    /// The health column: the verdict, <c>no check</c> for a running container without checks, <c>-</c> for one that does
    /// not run and for a foreign one (its checks are its own daemon's).
    /// </summary>
    public static string Health(ContainerStatusView container) =>
        container.Health ?? (container.State == "running" && !container.Checked && container.Foreign is null ? "no check" : "-");

    /// <summary><c>127.0.0.1:32768->8080</c> for each published port.</summary>
    public static string Ports(ContainerStatusView container) =>
        container.Ports.Count == 0 ? "-" : string.Join(", ", container.Ports.OrderBy(p => p.Key).Select(p => $"127.0.0.1:{p.Value}->{p.Key}"));
}
