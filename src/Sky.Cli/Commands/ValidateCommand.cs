using System.CommandLine;
using Sky.Cli.Output;
using Sky.Configuration;
using Sky.Model;

namespace Sky.Cli.Commands;

/// <summary>
/// <c>sky validate PATH</c>: checks a configuration file or folder locally, without a daemon. Warnings are printed as
/// <c>warning: FILE:LINE:COL: key: message</c> and do not make it fail.
/// </summary>
public static class ValidateCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var path = new Argument<string>("PATH") { Description = "A configuration file, or a folder of *.yml files" };
        var command = new Command("validate", "Check a configuration and print every error and warning, or ok") { path };
        command.SetAction(parse =>
        {
            var cli = context(parse);
            var files = ReadFiles(parse.GetValue(path)!);
            var result = ConfigurationLoader.Load(files, new Naming());
            // Warnings first, on stderr like errors, so stdout keeps only ok (or the JSON) and a script can still read it.
            foreach (var warning in result.Warnings)
            {
                cli.Error.WriteLine($"warning: {warning}");
            }

            if (cli.Format == OutputFormat.Json)
            {
                JsonOutput.Write(cli.Out, new ValidateJson(result.IsValid, result.Errors.Select(e => e.ToString()).ToList(), result.Warnings.Select(w => w.ToString()).ToList()));
            }
            else if (result.IsValid)
            {
                cli.Out.WriteLine("ok");
            }

            if (!result.IsValid)
            {
                foreach (var error in result.Errors)
                {
                    cli.Error.WriteLine(error.ToString());
                }

                return ExitCodes.Invalid;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Reads the files of PATH, turning a missing path into a one-line error.</summary>
    public static IReadOnlyList<ConfigurationFile> ReadFiles(string path)
    {
        try
        {
            var files = ConfigurationFiles.Read(path);
            return files.Count == 0 ? throw new CliException(ExitCodes.Invalid, $"{path}: no *.yml or *.yaml file in this folder") : files;
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            throw new CliException(ExitCodes.Invalid, $"{path}: {exception.Message}");
        }
    }
}
