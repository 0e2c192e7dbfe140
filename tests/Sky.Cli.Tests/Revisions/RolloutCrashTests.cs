using Sky.Testing;

namespace Sky.Cli.Tests.Revisions;

/// <summary>
/// <c>kill -9</c> of a real daemon process in the middle of a rolling update, while a replacement waits for its check:
/// started again, the daemon finishes the rollout by itself, with no duplicate, no container left under its retiring
/// name and none on the earlier spec.
/// </summary>
public sealed class RolloutCrashTests
{
    // The listener comes up 3 s after the start, so each replacement waits on its check long enough to pull the plug;
    // the start period keeps those 3 s from counting as failures.
    private static string Config(int generation) => $"""
        db:
          image: base:0.7
          command: sleep 3; nc -ll -p 9042 -e echo hi
          ports: [ 9042 ]
          replicas: 2
          env:
            GENERATION: "{generation}"
          checks:
            - port: 9042
              interval: 1s
              start-period: 10s
        """;

    [Theory]
    [InlineData("db")]
    [InlineData("db-2")]
    public async Task A_daemon_killed_while_a_replacement_waits_for_its_check_finishes_the_rollout_when_it_starts_again(string killedAt)
    {
        await using var daemon = await DaemonProcess.StartAsync();
        Assert.Equal(0, (await daemon.RunAsync("apply", ConfigFile.Write(Config(1)))).ExitCode);
        Assert.Equal(0, (await daemon.RunAsync("service", "start", "db")).ExitCode);
        string[] replicas = [daemon.Name("db"), daemon.Name("db-2")];
        await Eventually.WaitForAsync(() => HealthyAsync(daemon), n => n == 2, TimeSpan.FromSeconds(30), "both replicas healthy");

        var rollout = daemon.RunAsync("apply", ConfigFile.Write(Config(2)));
        var retiring = daemon.Name(killedAt) + ".retiring";
        await Eventually.WaitForAsync(() => DockerWitness.ContainerNamesAsync(daemon.Namespace), names => names.Contains(retiring), TimeSpan.FromSeconds(60), $"{retiring} while its replacement starts");
        await daemon.KillAsync();
        Assert.NotEqual(0, (await rollout).ExitCode);

        await daemon.StartAgainAsync();

        await Eventually.WaitForAsync(
            async () => (await DockerWitness.ContainerNamesAsync(daemon.Namespace), await GenerationsAsync(replicas), await HealthyAsync(daemon)),
            state => state.Item1.Order().SequenceEqual(replicas.Order()) && state.Item2.All(g => g == "GENERATION=2") && state.Item3 == 2,
            TimeSpan.FromSeconds(90),
            "both replicas healthy on generation 2 and nothing else");
        var events = await daemon.RunAsync("events", "--output", "json");
        Assert.Contains("which the daemon left unfinished", events.Output, StringComparison.Ordinal);
    }

    private static async Task<int> HealthyAsync(DaemonProcess daemon)
    {
        var status = await daemon.RunAsync("service", "status", "db", "-o", "json");
        return status.ExitCode == 0 ? System.Text.RegularExpressions.Regex.Count(status.Output, "\"health\":\\s*\"healthy\"") : 0;
    }

    private static async Task<List<string>> GenerationsAsync(IEnumerable<string> names)
    {
        var generations = new List<string>();
        foreach (var name in names)
        {
            try
            {
                var env = (await Docker.InspectAsync(name)).GetProperty("Config").GetProperty("Env").EnumerateArray().Select(e => e.GetString() ?? "");
                generations.Add(env.FirstOrDefault(e => e.StartsWith("GENERATION=", StringComparison.Ordinal)) ?? "none");
            }
            catch (InvalidOperationException)
            {
                generations.Add("missing");
            }
        }

        return generations;
    }
}
