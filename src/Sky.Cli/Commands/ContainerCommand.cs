using System.CommandLine;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary>
/// <c>sky container [--image IMAGE]</c>: an interactive shell in a new one-off container, through the daemon. A script
/// (<c>-o json</c>) has no terminal to attach: it gets the container started and described, to attach to later.
/// </summary>
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
            var json = cli.Format == OutputFormat.Json;
            var request = new OneOffCreateRequest { Image = parse.GetValue(image), Start = json, CreatedBy = Environment.UserName };
            var oneOff = await client.PostAsync<OneOffView>("oneoffs", request, cancellationToken);
            if (json)
            {
                JsonOutput.Write(cli.Out, oneOff);
                cli.Error.WriteLine($"started {oneOff.Name}: sky attach {oneOff.Id} for its shell");
                return ExitCodes.Ok;
            }

            return await AttachSession.RunAsync(cli, oneOff, cancellationToken);
        });
        return command;
    }
}
