using System.CommandLine;
using System.Text.Json;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary>
/// <c>sky run IMAGE -- CMD...</c>: runs a command to completion in a new container through the daemon, its stdout to
/// stdout and its stderr to stderr as it comes, and exits with the command's exit code. The container is removed.
/// </summary>
public static class RunCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var image = new Argument<string>("IMAGE") { Description = "Image to run (present on the engine: sky never pulls)" };
        var cmd = new Argument<string[]>("CMD") { Description = "The command and its arguments, after --", Arity = ArgumentArity.OneOrMore };
        var command = new Command("run", "Run a command to completion in a new container: sky run IMAGE -- CMD...") { image, cmd };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            using var client = cli.Client();
            var request = new RunRequest { Image = parse.GetValue(image)!, Command = parse.GetValue(cmd)!, CreatedBy = Environment.UserName };
            await foreach (var message in client.StreamAsync<RunMessage>(HttpMethod.Post, "runs", request, cancellationToken))
            {
                if (cli.Format == OutputFormat.Json)
                {
                    cli.Out.WriteLine(JsonSerializer.Serialize(message, SkyJson.Info<RunMessage>()));
                }
                else if (message.Type == RunMessage.Stdout)
                {
                    cli.Out.WriteLine(message.Text);
                }
                else if (message.Type == RunMessage.Stderr)
                {
                    cli.Error.WriteLine(message.Text);
                }

                switch (message.Type)
                {
                    case RunMessage.Exit:
                        return (int)(message.ExitCode ?? ExitCodes.Failed);
                    case RunMessage.Failure:
                        throw new CliException(ExitCodes.Failed, message.Error ?? "the run failed");
                }
            }

            throw new CliException(ExitCodes.Failed, "the daemon ended the run without an exit code");
        });
        return command;
    }
}
