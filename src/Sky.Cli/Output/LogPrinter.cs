using System.Text.Json;
using Sky.Contracts;

namespace Sky.Cli.Output;

/// <summary>
/// Prints a stream of log lines: <c>CONTAINER | text</c> for people (control characters made visible unless raw),
/// one JSON object per line with every label for scripts.
/// </summary>
public static class LogPrinter
{
    public static async Task<int> PrintAsync(CliContext cli, string path, bool raw, string nothing, CancellationToken cancellationToken)
    {
        using var client = cli.Client();
        var lines = 0;
        try
        {
            await foreach (var line in client.StreamAsync<LogLine>(HttpMethod.Get, path, null, cancellationToken))
            {
                lines++;
                cli.Out.WriteLine(cli.Format == OutputFormat.Json
                    ? JsonSerializer.Serialize(line, SkyJson.Info<LogLine>())
                    : $"{line.Container} | {(raw ? line.Text : TerminalText.Neutralize(line.Text))}{(line.Truncated ? " [truncated]" : string.Empty)}");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }

        if (lines == 0)
        {
            cli.Error.WriteLine(nothing);
        }

        return ExitCodes.Ok;
    }
}
