using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Sky.Cli.Commands;
using Sky.Cli.Output;

namespace Sky.Cli;

/// <summary>The whole command tree, and the one place where failures become a line on stderr and an exit code.</summary>
public static class SkyCommandLine
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, string? address = null, CancellationToken cancellationToken = default)
    {
        var format = new Option<OutputFormat>("--output", "-o") { Description = "table (for people) or json (for scripts)", Recursive = true, DefaultValueFactory = _ => OutputFormat.Table };
        var root = new RootCommand("sky: run jobs, services and recurrent jobs in Docker from one configuration") { format };
        CliContext Context(ParseResult parse) => new(output, error, parse.GetValue(format), address);

        root.Subcommands.Add(DaemonCommand.Create(Context));
        root.Subcommands.Add(ApplyCommand.Create(Context));
        root.Subcommands.Add(DiffCommand.Create(Context));
        root.Subcommands.Add(DeployCommand.Create(Context));
        root.Subcommands.Add(ValidateCommand.Create(Context));
        root.Subcommands.Add(RevisionCommand.Create(Context));
        root.Subcommands.Add(BuildCommand.Create(Context));
        root.Subcommands.Add(ServiceCommand.Create(Context));
        root.Subcommands.Add(JobCommand.Create(Context));
        root.Subcommands.Add(PsCommand.Create(Context));
        root.Subcommands.Add(ContainerCommand.Create(Context));
        root.Subcommands.Add(ContainersCommand.Create(Context));
        root.Subcommands.Add(AttachCommand.Create(Context));
        root.Subcommands.Add(RunCommand.Create(Context));
        root.Subcommands.Add(AlertsCommand.Create(Context));
        root.Subcommands.Add(EventsCommand.Create(Context));
        root.Subcommands.Add(LogsCommand.Create(Context));
        root.Subcommands.Add(MetricsCommand.Create(Context));
        root.Subcommands.Add(TopCommand.Create(Context));
        root.Subcommands.Add(SnitchCommand.Create(Context));
        root.Subcommands.Add(VersionCommand.Create(Context));
        root.Subcommands.Add(TokenCommand.Create(Context));
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new VersionFlag(output);
        }

        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction usage)
        {
            return await UsageErrorAsync(parse, usage, error, cancellationToken);
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (CliException exception)
        {
            error.WriteLine($"error: {exception.Message}");
            foreach (var detail in exception.Details)
            {
                error.WriteLine(detail);
            }

            return exception.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return 130;
        }
    }

    /// <summary>
    /// A missing argument, an unknown option or command, a value of the wrong type: invalid input, exit 2, said on stderr
    /// (stdout stays empty for scripts) with what would have fitted and where to read more. A command group named
    /// without its subcommand (<c>sky job</c>) shows its help, which lists them.
    /// </summary>
    private static async Task<int> UsageErrorAsync(ParseResult parse, ParseErrorAction usage, TextWriter error, CancellationToken cancellationToken)
    {
        foreach (var problem in parse.Errors)
        {
            error.WriteLine($"error: {problem.Message}");
        }

        var command = parse.CommandResult.Command;
        usage.ShowHelp = command.Action is null && command.Subcommands.Count > 0;
        usage.ShowTypoCorrections = true;

        // The action writes the errors again (dropped here), then its did-you-mean and the help, for stderr.
        using var text = new StringWriter();
        await parse.InvokeAsync(new InvocationConfiguration { Output = text, Error = TextWriter.Null }, cancellationToken);
        if (usage.ShowHelp)
        {
            error.Write(text.ToString());
        }
        else
        {
            foreach (var line in text.ToString().Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0))
            {
                error.WriteLine(line);
            }

            error.WriteLine($"see: {CommandPath(parse)} --help");
        }

        return ExitCodes.Invalid;
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Parent is CommandResult parent; result = parent)
        {
            names.Insert(0, result.Command.Name);
        }

        return string.Join(' ', ["sky", .. names]);
    }
}
