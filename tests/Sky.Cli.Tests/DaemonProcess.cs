using System.Diagnostics;

namespace Sky.Cli.Tests;

/// <summary>
/// <c>sky daemon</c> as a real process of its own, for what an in-process daemon cannot show: a <c>kill -9</c>. It has its
/// own namespace, data folder and loopback port, and <c>timeout</c> ends it after five minutes even if a test crashes.
/// Disposing it kills it (by PID) and removes everything of its namespace.
/// </summary>
public sealed class DaemonProcess() : ScopedDaemon("p"), IAsyncDisposable
{
    private Process? process;
    private string? settingsFile;

    /// <summary>Starts a daemon; <paramref name="settings"/> is the text of its settings file (<c>--config</c>), if any.</summary>
    public static async Task<DaemonProcess> StartAsync(string? settings = null)
    {
        var daemon = new DaemonProcess();
        if (settings is not null)
        {
            daemon.settingsFile = Path.Combine(daemon.DataDirectory, "settings.yml");
            await File.WriteAllTextAsync(daemon.settingsFile, settings);
        }

        await daemon.StartAgainAsync();
        return daemon;
    }

    /// <summary>Starts the daemon (again) on the same namespace, data folder and port, and waits until it answers.</summary>
    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo("timeout") { RedirectStandardOutput = true, RedirectStandardError = true };
        string[] arguments =
        [
            "300", "dotnet", Path.Combine(AppContext.BaseDirectory, "sky.dll"),
            "daemon", "--listen", $"127.0.0.1:{Port}", "--router-listen", $"127.0.0.1:{RouterPort}", "--data-dir", DataDirectory, "--namespace", Namespace,
        ];
        // StatsD's default port is one for the machine: a test daemon runs none unless its settings ask for it.
        if (settingsFile is null || !File.ReadAllText(settingsFile).Contains("statsd:", StringComparison.Ordinal))
        {
            arguments = [.. arguments, "--statsd-listen", "off"];
        }

        foreach (var argument in settingsFile is null ? arguments : [.. arguments, "--config", settingsFile])
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start)!;
        // Drain its log so a chatty daemon never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                (await http.GetAsync(new Uri($"{Address}/api/v1/version"))).EnsureSuccessStatusCode();
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary><c>kill -9</c>: no shutdown, no clean-up, exactly what a power cut or the OOM killer does.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        await CleanUpAsync();
    }
}
