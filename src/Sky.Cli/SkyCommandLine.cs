using System.CommandLine;
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
        root.Subcommands.Add(ValidateCommand.Create(Context));
        root.Subcommands.Add(ServiceCommand.Create(Context));
        root.Subcommands.Add(JobCommand.Create(Context));
        root.Subcommands.Add(PsCommand.Create(Context));
        root.Subcommands.Add(ContainerCommand.Create(Context));
        root.Subcommands.Add(ContainersCommand.Create(Context));
        root.Subcommands.Add(AttachCommand.Create(Context));
        root.Subcommands.Add(RunCommand.Create(Context));
        root.Subcommands.Add(AlertsCommand.Create(Context));
        root.Subcommands.Add(EventsCommand.Create(Context));
        root.Subcommands.Add(SnitchCommand.Create(Context));
        root.Subcommands.Add(VersionCommand.Create(Context));

        var parse = root.Parse(args);
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
}
