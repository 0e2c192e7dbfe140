using System.Diagnostics;

namespace Sky.Cli.Tests;

/// <summary>
/// Restarts the Docker engine the way an upgrade or a crash-and-restart would. It stops every container, so the tests
/// that use it carry the trait <see cref="RestartTrait"/> and scripts/test.sh runs them alone, after all the others.
/// </summary>
public static class Engine
{
    public const string RestartTrait = "EngineRestart";

    public static async Task RestartAsync()
    {
        if (Directory.Exists("/run/systemd/system") && (await RunAsync("systemctl", "is-active", "--quiet", "docker")).ExitCode == 0)
        {
            Check(await RunAsync("systemctl", "restart", "docker"), "systemctl restart docker");
            return;
        }

        // Started by scripts/ensure-docker.sh (CI, this machine): stopped by its PID, started again by the same script.
        var pid = int.Parse(File.ReadAllText("/var/run/docker.pid").Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Check(await RunAsync("kill", "-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)), "kill -TERM dockerd");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Directory.Exists($"/proc/{pid}"))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"dockerd (PID {pid}) did not stop within 60 s");
            }

            await Task.Delay(200);
        }

        Check(await RunAsync("bash", Path.Combine(ScriptsFolder(), "ensure-docker.sh")), "scripts/ensure-docker.sh");
    }

    private static void Check((int ExitCode, string Output) result, string what)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed ({result.ExitCode}): {result.Output}");
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static string ScriptsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "scripts", "ensure-docker.sh")))
            {
                return Path.Combine(dir.FullName, "scripts");
            }
        }

        throw new DirectoryNotFoundException("scripts/ensure-docker.sh not found above " + AppContext.BaseDirectory);
    }
}
