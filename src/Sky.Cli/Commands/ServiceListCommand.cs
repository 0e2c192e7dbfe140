using System.CommandLine;
using System.Globalization;
using Sky.Cli.Output;
using Sky.Contracts;

namespace Sky.Cli.Commands;

/// <summary><c>sky service list</c>: every applied service with its instances and how they are doing, then the jobs.</summary>
public static class ServiceListCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("list", "List the applied services and jobs, with the state of each instance");
        command.Aliases.Add("ls");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            using var client = cli.Client();
            var list = await client.GetAsync<ServiceListView>("services", cancellationToken);
            if (cli.Format == OutputFormat.Json)
            {
                JsonOutput.Write(cli.Out, list);
                return ExitCodes.Ok;
            }

            if (list.Revision == 0)
            {
                cli.Out.WriteLine("nothing applied yet (sky apply PATH)");
                return ExitCodes.Ok;
            }

            if (list.Services.Count > 0)
            {
                TableOutput.Write(
                    cli.Out,
                    ["service", "instance", "state", "running", "image", "wanted"],
                    list.Services.SelectMany(s => s.Instances.Select(i => (IReadOnlyList<string>)
                    [
                        s.Name, i.Name, i.State, $"{i.Running.ToString(CultureInfo.InvariantCulture)}/{i.Containers.ToString(CultureInfo.InvariantCulture)}", i.Version ?? "-", i.Wanted ? "running" : "stopped",
                    ])));
            }

            if (list.Jobs.Count > 0)
            {
                if (list.Services.Count > 0)
                {
                    cli.Out.WriteLine();
                }

                TableOutput.Write(cli.Out, ["job", "every"], list.Jobs.Select(j => (IReadOnlyList<string>)[j.Name, j.Every]));
            }

            cli.Out.WriteLine();
            cli.Out.WriteLine($"revision {list.Revision.ToString(CultureInfo.InvariantCulture)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
