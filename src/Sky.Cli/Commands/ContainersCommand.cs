using System.CommandLine;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary><c>sky containers</c>: the one-off containers (shells and runs) with their id, image, age and state.</summary>
public static class ContainersCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("containers", "List one-off containers (sky container, sky run)");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            using var client = cli.Client();
            var oneOffs = await client.GetAsync<List<OneOffView>>("oneoffs", cancellationToken);
            if (cli.Format == OutputFormat.Json)
            {
                JsonOutput.Write(cli.Out, oneOffs);
                return ExitCodes.Ok;
            }

            var now = DateTimeOffset.UtcNow;
            TableOutput.Write(
                cli.Out,
                ["id", "name", "image", "age", "state"],
                oneOffs.Select(o => (IReadOnlyList<string>)[o.Id, o.Name, o.Image, o.Created is { } created ? Age(now - created) : "-", o.State]));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The largest whole unit: <c>42s</c>, <c>5m</c>, <c>3h</c>, <c>2d</c>.</summary>
    public static string Age(TimeSpan age) => age switch
    {
        { TotalSeconds: < 60 } => $"{Math.Max(0, (int)age.TotalSeconds)}s",
        { TotalMinutes: < 60 } => $"{(int)age.TotalMinutes}m",
        { TotalHours: < 48 } => $"{(int)age.TotalHours}h",
        _ => $"{(int)age.TotalDays}d",
    };
}
