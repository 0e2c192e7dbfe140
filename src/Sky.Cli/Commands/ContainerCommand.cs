using System.CommandLine;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary><c>sky container [--image IMAGE]</c>: an interactive shell in a new one-off container, through the daemon.</summary>
public static class ContainerCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var image = new Option<string?>("--image") { Description = "Image to start from (default: the daemon's one-off image, base:0.7)" };
        var command = new Command("container", "Open a shell in a new container (detach with Ctrl-P Ctrl-Q, return with sky attach ID)") { image };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            using var client = cli.Client();

            // Created but not started: the attach starts it, so the shell's first prompt is not lost.
            var request = new OneOffCreateRequest { Image = parse.GetValue(image), Start = false, CreatedBy = Environment.UserName };
            var oneOff = await client.PostAsync<OneOffView>("oneoffs", request, cancellationToken);
            return await AttachSession.RunAsync(cli, oneOff, cancellationToken);
        });
        return command;
    }
}
