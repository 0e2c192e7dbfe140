using System.CommandLine;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary><c>sky attach ID</c>: back to the shell of a one-off container left with Ctrl-P Ctrl-Q.</summary>
public static class AttachCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var id = new Argument<string>("ID") { Description = "The one-off container's id (or its start) or name, as sky containers shows it" };
        var command = new Command("attach", "Attach to a running one-off container (detach again with Ctrl-P Ctrl-Q)") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            using var client = cli.Client();
            var oneOff = await client.GetAsync<OneOffView>($"oneoffs/{Uri.EscapeDataString(parse.GetValue(id)!)}", cancellationToken);
            if (oneOff.State is not ("running" or "created"))
            {
                throw new CliException(ExitCodes.Failed, $"{oneOff.Name} is {oneOff.State}: there is no shell to attach to");
            }

            return await AttachSession.RunAsync(cli, oneOff, cancellationToken);
        });
        return command;
    }
}
