using System.Diagnostics;

namespace Sky.Testing;

/// <summary>Runs a program (docker, tmux, kill, systemctl...) to its end and returns its exit code and output.</summary>
public static class ProgramRun
{
    public static async Task<(int ExitCode, string Output, string Error)> RawAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Its standard output, or an exception with its standard error when it fails.</summary>
    public static async Task<string> CheckedAsync(string program, params string[] args)
    {
        var (exitCode, output, error) = await RawAsync(program, args);
        return exitCode == 0 ? output : throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({exitCode}): {error}{output}");
    }
}
