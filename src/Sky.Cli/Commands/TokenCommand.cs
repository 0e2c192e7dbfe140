using System.CommandLine;
using Sky.Api;
using Sky.Api.Access;

namespace Sky.Cli.Commands;

/// <summary>
/// <c>sky token</c>: prints the API token the daemon made in its data folder at its first start, for the page's login
/// and for clients on other machines (<c>Authorization: Bearer TOKEN</c>). It reads the file, so only someone who may
/// read the data folder gets it; the CLI on the daemon's machine finds it by itself.
/// </summary>
public static class TokenCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var dataDir = new Option<string?>("--data-dir") { Description = "The daemon's data folder (default: SKY_DATA_DIR, else ~/.local/share/sky)" };
        var command = new Command("token", "Print the daemon's API token (for the dashboard's login and clients on other machines)") { dataDir };
        command.SetAction(parse =>
        {
            var cli = context(parse);
            var folder = parse.GetValue(dataDir) ?? DaemonOptions.DefaultDataDirectory();
            var token = ApiTokenFile.Read(folder)
                ?? throw new CliException(ExitCodes.NotFound, $"no API token in {folder}: the daemon makes it at its first start there (or the file is not readable by this user)");
            cli.Out.WriteLine(token);
            return ExitCodes.Ok;
        });
        return command;
    }
}
