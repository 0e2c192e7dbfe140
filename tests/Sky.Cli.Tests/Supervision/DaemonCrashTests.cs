using Sky.Testing;

namespace Sky.Cli.Tests.Supervision;

/// <summary>
/// <c>kill -9</c> of a real daemon process in the middle of <c>sky service start</c>: started again, it adopts what
/// runs and finishes the start by itself, with no duplicate and no orphan.
/// </summary>
public sealed class DaemonCrashTests
{
    private const string Config = """
        app:
          image: base:0.7
          command: sleep 600
          requires: [ slowdb ]

        slowdb:
          image: base:0.7
          command: sleep 5; nc -ll -p 9042 -e echo hi
          ports: [ 9042 ]
          checks:
            - port: 9042
              interval: 1s
        """;

    [Fact]
    public async Task A_daemon_killed_during_service_start_converges_after_it_starts_again_with_no_duplicate_and_no_orphan()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        Assert.Equal(0, (await daemon.RunAsync("apply", ConfigFile.Write(Config))).ExitCode);
        var database = daemon.Name("app-slowdb");
        var app = daemon.Name("app");

        var start = daemon.RunAsync("service", "start", "app");
        // The database runs and the start waits for its check: the moment to pull the plug.
        await Eventually.WaitForAsync(() => DockerWitness.ContainerNamesAsync(daemon.Namespace, runningOnly: true), names => names.Contains(database), TimeSpan.FromSeconds(30), "the database running");
        var databaseId = (await Docker.InspectAsync(database)).GetProperty("Id").GetString();
        await daemon.KillAsync();

        var interrupted = await start;
        Assert.Equal(3, interrupted.ExitCode);
        Assert.Contains("lost the connection to the sky daemon", interrupted.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(app, await DockerWitness.ContainerNamesAsync(daemon.Namespace));

        await daemon.StartAgainAsync();

        await Eventually.WaitForAsync(
            () => DockerWitness.ContainerNamesAsync(daemon.Namespace, runningOnly: true),
            names => names.Contains(app),
            TimeSpan.FromSeconds(60),
            "the app started by the daemon that came back");
        Assert.Equal([app, database], await DockerWitness.ContainerNamesAsync(daemon.Namespace));
        Assert.Equal(databaseId, (await Docker.InspectAsync(database)).GetProperty("Id").GetString());
        var appId = (await Docker.InspectAsync(app)).GetProperty("Id").GetString();

        var again = await daemon.RunAsync("service", "start", "app");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal([app, database], await DockerWitness.ContainerNamesAsync(daemon.Namespace));
        Assert.Equal(appId, (await Docker.InspectAsync(app)).GetProperty("Id").GetString());
        Assert.Equal(databaseId, (await Docker.InspectAsync(database)).GetProperty("Id").GetString());
    }
}
