using System.CommandLine;
using System.Net.Http.Headers;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary>
/// <c>sky build DIR -t NAME:VERSION [--push] [-f FILE]</c>: packs the folder, has the daemon build it through the
/// engine (its output printed as it comes) and, with <c>--push</c>, push it to the daemon's registry, where a deploy
/// on any host of the daemon finds it.
/// </summary>
public static class BuildCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var folder = new Argument<string>("DIR") { Description = "The build folder: the Dockerfile and everything it copies" };
        var tag = new Option<string>("--tag", "-t") { Description = "The image's name and version: NAME:VERSION (such as my-app:1.2)", Required = true };
        var push = new Option<bool>("--push") { Description = "Push it to the daemon's registry (as REGISTRY/NAME:VERSION when NAME names no registry)" };
        var dockerfile = new Option<string?>("--file", "-f") { Description = "The Dockerfile, inside DIR (default: DIR/Dockerfile)" };
        var command = new Command("build", "Build an image through the daemon's engine, and push it to the daemon's registry") { folder, tag, push, dockerfile };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            await using var archive = await BuildContextArchive.PackAsync(parse.GetValue(folder)!, parse.GetValue(dockerfile), cancellationToken);
            var content = new StreamContent(archive.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
            var path = $"images/build?tag={Uri.EscapeDataString(parse.GetValue(tag)!)}&dockerfile={Uri.EscapeDataString(archive.Dockerfile)}&push={(parse.GetValue(push) ? "true" : "false")}";
            using var client = cli.Client();
            await foreach (var message in client.UploadAsync<BuildMessage>(HttpMethod.Post, path, content, cancellationToken))
            {
                switch (message.Type)
                {
                    case BuildMessage.Output:
                        cli.Human.WriteLine(message.Text);
                        break;
                    case BuildMessage.Failure:
                        throw new CliException(ExitCodes.Failed, message.Error ?? "the build failed");
                    case BuildMessage.Result:
                        Print(cli, message);
                        return ExitCodes.Ok;
                }
            }

            throw new CliException(ExitCodes.Failed, "the daemon ended the build without a result (did it stop?)");
        });
        return command;
    }

    private static void Print(CliContext cli, BuildMessage result)
    {
        if (cli.Format == OutputFormat.Json)
        {
            JsonOutput.Write(cli.Out, new BuildJson(result.Image, result.Id, result.Pushed, result.Digest));
            return;
        }

        cli.Out.WriteLine($"Built {result.Image} ({Short(result.Id)})");
        if (result.Pushed is { } pushed)
        {
            cli.Out.WriteLine($"Pushed {pushed}" + (result.Digest is { } digest ? $" ({digest})" : string.Empty));
        }
    }

    /// <summary><c>sha256:0123456789ab</c>: as many hex digits as <c>docker images</c> shows.</summary>
    private static string Short(string? id) => id is null ? "no id" : id.Length > 19 ? id[..19] : id;
}
