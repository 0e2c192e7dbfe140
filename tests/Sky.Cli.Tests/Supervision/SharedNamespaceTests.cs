using System.Text.Json;
using Sky.Testing;

namespace Sky.Cli.Tests.Supervision;

/// <summary>
/// Two daemons with their own data folders on one engine and one namespace: each acts only on what it made, shows the
/// other's containers as foreign, and says who holds a name it wants instead of fighting over it.
/// </summary>
public sealed class SharedNamespaceTests
{
    private const string First = """
        alpha:
          image: base:0.7
          command: sleep 600
        shared:
          image: base:0.7
          command: sleep 600
        """;

    private const string Second = """
        beta:
          image: base:0.7
          command: sleep 600
        shared:
          image: base:0.7
          command: sleep 600
        """;

    [Fact]
    public async Task Neither_daemon_removes_replaces_stops_or_adopts_the_other_s_containers_and_a_taken_name_is_a_clear_error()
    {
        await using var first = await TestDaemon.StartAsync();
        await using var second = await TestDaemon.StartAsync(sharedNamespace: first.Namespace);
        var firstFile = ConfigFile.Write(First);
        Assert.Equal(0, (await first.RunAsync("apply", firstFile)).ExitCode);
        Assert.Equal(0, (await first.RunAsync("service", "start", "alpha")).ExitCode);
        Assert.Equal(0, (await first.RunAsync("service", "start", "shared")).ExitCode);
        var before = await StartsAsync(first.Name("alpha"), first.Name("shared"));

        // The second daemon's first apply: it used to remove every container of the first as unwanted.
        var apply = await second.RunAsync("apply", ConfigFile.Write(Second));
        var beta = await second.RunAsync("service", "start", "beta");
        var shared = await second.RunAsync("service", "start", "shared");
        var again = await first.RunAsync("apply", firstFile);

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.True(beta.ExitCode == 0, beta.ToString());
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(ExitCodes.Failed, shared.ExitCode);
        var taken = $"container name {first.Name("shared")} is taken by another sky daemon (identity {first.Identity}, data folder {first.DataDirectory})";
        Assert.Contains($"{taken}: stop that daemon's service or start this one with --namespace", shared.Output + shared.Error, StringComparison.Ordinal);

        // The second daemon's supervisor wants its shared running too: it says once that it cannot start, and touches nothing.
        await Eventually.WaitForAsync(
            () => ContainerFacts.ReadAsync(second, "shared", first.Name("shared")),
            facts => facts.Health == "cannot-start",
            TimeSpan.FromSeconds(15),
            "the second daemon giving up on the taken name");
        using var events = JsonDocument.Parse((await second.RunAsync("events", "--service", "shared", "-o", "json")).Output);
        Assert.Contains(events.RootElement.EnumerateArray(), e => e.GetProperty("kind").GetString() == "cannot-start" && e.GetProperty("message").GetString()!.StartsWith($"cannot start: {taken}", StringComparison.Ordinal));
        Assert.Equal(before, await StartsAsync(first.Name("alpha"), first.Name("shared")));
        Assert.Equal(
            [first.Name("alpha"), first.Name("beta"), first.Name("shared")],
            await DockerWitness.ContainerNamesAsync(first.Namespace, runningOnly: true));
        Assert.Equal(second.Identity, (await Docker.InspectAsync(first.Name("beta"))).GetProperty("Config").GetProperty("Labels").GetProperty("sky.daemon").GetString());
    }

    [Fact]
    public async Task Ps_of_each_daemon_shows_the_other_s_containers_as_foreign_with_its_identity()
    {
        await using var first = await TestDaemon.StartAsync();
        await using var second = await TestDaemon.StartAsync(sharedNamespace: first.Namespace);
        await first.RunAsync("apply", ConfigFile.Write(First));
        await first.RunAsync("service", "start", "alpha");
        await second.RunAsync("apply", ConfigFile.Write(Second));
        await second.RunAsync("service", "start", "beta");

        var firstPs = await first.RunAsync("ps");
        var secondPs = await second.RunAsync("ps", "-o", "json");

        Assert.Contains(firstPs.Lines, l => l.StartsWith(first.Name("alpha") + " ", StringComparison.Ordinal) && l.Contains(" running ", StringComparison.Ordinal));
        Assert.Contains(firstPs.Lines, l => l.StartsWith(first.Name("beta") + " ", StringComparison.Ordinal) && l.Contains($" running (foreign {second.Identity}) ", StringComparison.Ordinal));
        Assert.Contains(
            $"foreign {second.Identity}: made by another sky daemon sharing this namespace (data folder {second.DataDirectory}); this daemon never touches them",
            firstPs.Lines);
        using var json = JsonDocument.Parse(secondPs.Output);
        var foreign = json.RootElement.EnumerateArray().ToDictionary(
            c => c.GetProperty("name").GetString()!,
            c => c.TryGetProperty("foreign", out var f) ? (f.GetProperty("identity").GetString(), f.GetProperty("dataFolder").GetString()) : default);
        Assert.Equal((first.Identity, first.DataDirectory), foreign[first.Name("alpha")]);
        Assert.Equal(default, foreign[first.Name("beta")]);
    }

    [Fact]
    public async Task Each_daemon_keeps_the_output_and_shows_the_resources_of_its_own_containers_only()
    {
        await using var first = await TestDaemon.StartAsync();
        await using var second = await TestDaemon.StartAsync(sharedNamespace: first.Namespace);
        await first.RunAsync("apply", ConfigFile.Write("alpha:\n  image: base:0.7\n  command: echo hello from alpha; sleep 600\n"));
        await first.RunAsync("service", "start", "alpha");
        await second.RunAsync("apply", ConfigFile.Write("beta:\n  image: base:0.7\n  command: echo hello from beta; sleep 600\n"));
        await second.RunAsync("service", "start", "beta");

        await Eventually.WaitForAsync(() => second.RunAsync("logs", "--container", first.Name("beta")), r => r.Output.Contains("hello from beta", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "beta's line kept by its daemon");
        await Eventually.WaitForAsync(() => first.RunAsync("logs", "--container", first.Name("alpha")), r => r.Output.Contains("hello from alpha", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "alpha's line kept by its daemon");
        var top = await Eventually.WaitForAsync(
            async () => JsonDocument.Parse((await first.RunAsync("top", "-o", "json")).Output).RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("container").GetString()).ToList(),
            rows => rows.Contains(first.Name("alpha")),
            TimeSpan.FromSeconds(30),
            "alpha sampled by its daemon");

        Assert.DoesNotContain("hello from beta", (await first.RunAsync("logs", "--container", first.Name("beta"))).Output, StringComparison.Ordinal);
        Assert.Equal([first.Name("alpha")], top);
    }

    /// <summary>Each container's id and start time, as the engine tells: a replaced, restarted or re-created container changes them.</summary>
    private static async Task<IReadOnlyList<string>> StartsAsync(params string[] names)
    {
        var starts = new List<string>();
        foreach (var name in names)
        {
            var container = await Docker.InspectAsync(name);
            starts.Add($"{container.GetProperty("Id").GetString()} {container.GetProperty("State").GetProperty("StartedAt").GetString()}");
        }

        return starts;
    }
}
