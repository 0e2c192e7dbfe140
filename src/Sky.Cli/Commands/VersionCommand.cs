using System.CommandLine;
using Sky.Api;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary><c>sky version</c>: the CLI's version and, when reachable, the daemon's and its engine's.</summary>
public static class VersionCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("version", "Print the versions of sky, its daemon and the Docker engine");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            using var client = cli.Client();
            VersionAnswer? daemon = null;
            string? daemonError = null;
            try
            {
                daemon = await client.GetAsync<VersionAnswer>("version", cancellationToken);
            }
            catch (CliException exception)
            {
                daemonError = exception.Message;
            }

            if (cli.Format == OutputFormat.Json)
            {
                JsonOutput.Write(cli.Out, new VersionJson(SkyVersion.Current, daemon, daemonError));
                return ExitCodes.Ok;
            }

            cli.Out.WriteLine($"sky {SkyVersion.Current}");
            cli.Out.WriteLine(daemon is null
                ? $"daemon: unreachable ({daemonError})"
                : $"daemon: {daemon.Version} at {client.Address}, namespace {daemon.Namespace}"
                    + (daemon.Daemon is { } identity ? $", identity {identity.Identity} (data folder {identity.DataFolder ?? "unknown"})" : string.Empty));
            if (daemon is not null)
            {
                cli.Out.WriteLine(daemon.Engine is null
                    ? $"engine: unreachable ({daemon.EngineError})"
                    : $"engine: Docker {daemon.Engine} (API {daemon.EngineApi}) at {daemon.EngineEndpoint}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
