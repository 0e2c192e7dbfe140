using Sky.Testing;

namespace Sky.Cli.Tests.Revisions;

/// <summary>Teammates applying their own files: sources, previews and removal, end to end on the real engine.</summary>
public sealed class SourcesTests
{
    private const string Alpha = """
        alpha:
          image: base:0.7
          command: sleep 600
          env: { LEVEL: info }
        """;

    private const string Beta = """
        beta:
          image: base:0.7
          command: sleep 600
        """;

    [Fact]
    public async Task Two_sources_applied_one_after_the_other_keep_each_other_s_services()
    {
        await using var daemon = await TestDaemon.StartAsync();
        var teamA = ConfigFile.Write(Alpha);
        var teamB = ConfigFile.Write(Beta);

        // Named by their paths, as a user who gives no --source gets them.
        var first = await CliRun.AgainstAsync(daemon.Address, "apply", teamA);
        await daemon.RunAsync("service", "start", "alpha");
        var second = await CliRun.AgainstAsync(daemon.Address, "apply", teamB);
        await daemon.RunAsync("service", "start", "beta");
        var againA = await CliRun.AgainstAsync(daemon.Address, "apply", teamA);

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(["Added service beta", "Applied revision 2"], second.Lines.Where(l => !l.EndsWith("already running", StringComparison.Ordinal)));
        Assert.Equal(["Applied revision 3"], againA.Lines.Where(l => !l.EndsWith("already running", StringComparison.Ordinal)));
        Assert.Equal([daemon.Name("alpha"), daemon.Name("beta")], await DockerWitness.ContainerNamesAsync(daemon.Namespace, runningOnly: true));
        var show = await daemon.RunAsync("revision", "show", "3");
        Assert.Contains($"source {teamA}", show.Lines);
        Assert.Contains($"source {teamB}", show.Lines);
        Assert.True(first.ExitCode == 0, first.ToString());
    }

    [Fact]
    public async Task An_entry_another_source_defines_is_refused_naming_both_sources()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await daemon.RunAsync("apply", ConfigFile.Write(Alpha), "--source", "team-a");

        var clash = await daemon.RunAsync("apply", ConfigFile.Write(Alpha.Replace("info", "debug", StringComparison.Ordinal)), "--source", "team-b");

        Assert.Equal(ExitCodes.Invalid, clash.ExitCode);
        Assert.Contains("services.yml:1:1: alpha: entry 'alpha' is defined by two sources: team-a (", clash.Error, StringComparison.Ordinal);
        Assert.Contains("services.yml:1:1) and team-b; keep it in one", clash.Error, StringComparison.Ordinal);
        var list = await daemon.RunAsync("revision", "list");
        Assert.Equal(2, list.Lines.Length);
    }

    [Fact]
    public async Task A_dry_run_prints_the_plan_key_by_key_and_changes_nothing()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await daemon.RunAsync("apply", ConfigFile.Write(Alpha));
        await daemon.RunAsync("service", "start", "alpha");
        var before = (await Docker.InspectAsync(daemon.Name("alpha"))).GetProperty("Id").GetString();
        var changed = ConfigFile.Write(Alpha.Replace("info", "debug", StringComparison.Ordinal) + "\n" + Beta);

        var dryRun = await daemon.RunAsync("apply", "--dry-run", changed);
        var diff = await daemon.RunAsync("diff", changed, "-o", "json");

        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        Assert.Equal(
            [
                "~ changed service alpha",
                $"default/{daemon.Name("alpha")}.environment.LEVEL: \"info\" -> \"debug\"",
                "+ added service beta",
                "Containers:",
                $"Replacing {daemon.Name("alpha")}",
                "Nothing was changed (dry run).",
            ],
            dryRun.Lines.Select(l => l.Split(" (config hash ")[0]));
        using var json = System.Text.Json.JsonDocument.Parse(diff.Output);
        Assert.Equal(["alpha", "beta"], json.RootElement.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("entry").GetString()));
        Assert.Equal(before, (await Docker.InspectAsync(daemon.Name("alpha"))).GetProperty("Id").GetString());
        Assert.Equal(2, (await daemon.RunAsync("revision", "list")).Lines.Length);
    }

    [Fact]
    public async Task A_removed_service_loses_its_containers_and_rm_asks_first()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await daemon.RunAsync("apply", ConfigFile.Write(Alpha + "\n" + Beta));
        await daemon.RunAsync("service", "start", "beta");

        var unasked = await daemon.RunAsync("service", "rm", "beta");
        var removed = await daemon.RunAsync("service", "rm", "beta", "--yes");
        var unknown = await daemon.RunAsync("service", "rm", "gamma", "--yes");

        Assert.Equal(ExitCodes.Failed, unasked.ExitCode);
        Assert.Contains("not removing beta: say --yes to remove without being asked", unasked.Error, StringComparison.Ordinal);
        Assert.True(removed.ExitCode == 0, removed.ToString());
        Assert.Equal(["Removed service beta", $"Removing {daemon.Name("beta")}.. DONE", "Removed beta in revision 2"], removed.Lines);
        Assert.Empty(await DockerWitness.ContainerNamesAsync(daemon.Namespace));
        Assert.Equal(ExitCodes.NotFound, unknown.ExitCode);
        Assert.Contains("no source defines 'gamma'", unknown.Error, StringComparison.Ordinal);
    }
}
