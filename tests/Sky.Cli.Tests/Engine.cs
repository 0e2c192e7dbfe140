using Sky.Testing;

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
        if (Directory.Exists("/run/systemd/system") && (await ProgramRun.RawAsync("systemctl", "is-active", "--quiet", "docker")).ExitCode == 0)
        {
            await ProgramRun.CheckedAsync("systemctl", "restart", "docker");
            return;
        }

        // Started by scripts/ensure-docker.sh (CI, this machine): stopped by its PID, started again by the same script.
        var pid = int.Parse(File.ReadAllText("/var/run/docker.pid").Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await ProgramRun.CheckedAsync("kill", "-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Directory.Exists($"/proc/{pid}"))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"dockerd (PID {pid}) did not stop within 60 s");
            }

            await Task.Delay(200);
        }

        await ProgramRun.CheckedAsync("bash", Path.Combine(ScriptsFolder(), "ensure-docker.sh"));
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
