using Sky.Testing;

namespace Sky.Cli.Tests.Supervision;

/// <summary>An instance that requires a checked service starts only once that service is healthy.</summary>
public sealed class HealthGatedStartTests
{
    [Fact]
    public async Task The_dependent_starts_only_after_its_slow_dependency_passes_its_port_check()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await daemon.RunAsync("apply", ConfigFile.Write("""
            app:
              image: base:0.7
              command: sleep 60
              requires: [ slowdb ]

            slowdb:
              image: base:0.7
              command: sleep 3; nc -ll -p 9042 -e echo hi
              ports: [ 9042 ]
              checks:
                - port: 9042
                  interval: 1s
            """));

        var start = await daemon.RunAsync("service", "start", "app");

        Assert.True(start.ExitCode == 0, start.ToString());
        var database = daemon.Name("app-slowdb");
        Assert.Contains($"Waiting: waiting for {database} to be healthy", start.Lines);
        var databaseStarted = (await Docker.InspectAsync(database)).GetProperty("State").GetProperty("StartedAt").GetDateTimeOffset();
        var appStarted = (await Docker.InspectAsync(daemon.Name("app"))).GetProperty("State").GetProperty("StartedAt").GetDateTimeOffset();
        Assert.True(appStarted - databaseStarted >= TimeSpan.FromSeconds(3), $"app started {appStarted - databaseStarted} after its database");
    }
}
