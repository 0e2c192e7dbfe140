using System.Diagnostics;

namespace Sky.Cli.Terminal;

/// <summary>
/// Puts the local terminal in raw mode (no line buffering, no echo, no signals from Ctrl-C: the container's terminal
/// does all that) with <c>/bin/stty</c>, and puts it back as it was on dispose or when the process ends. Does nothing
/// when stdin is not a terminal or there is no stty.
/// </summary>
public sealed class RawTerminal : IDisposable
{
    private const string Stty = "/bin/stty";

    private readonly string? saved;
    private int restored;

    private RawTerminal(string? saved)
    {
        this.saved = saved;
        if (saved is not null)
        {
            // Also when the process is ended by SIGTERM: a terminal left raw is unusable for the person at it.
            AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        }
    }

    public bool IsRaw => saved is not null;

    public static RawTerminal Enter()
    {
        if (Console.IsInputRedirected || OperatingSystem.IsWindows() || !File.Exists(Stty))
        {
            return new RawTerminal(null);
        }

        var saved = RunStty("-g")?.Trim();
        if (string.IsNullOrEmpty(saved) || RunStty("raw", "-echo") is null)
        {
            return new RawTerminal(null);
        }

        return new RawTerminal(saved);
    }

    public void Dispose()
    {
        if (saved is not null && Interlocked.Exchange(ref restored, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
            RunStty(saved);
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => Dispose();

    /// <summary>Runs stty on the terminal (stdin inherited); its output, or null when it failed.</summary>
    private static string? RunStty(params string[] args)
    {
        var start = new ProcessStartInfo(Stty) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
