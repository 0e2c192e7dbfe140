namespace Sky.Cli.Tests.Revisions;

/// <summary>Revisions, a service's history and rollback, end to end on the real engine.</summary>
public sealed class RollbackTests
{
    private const string Version = """
        web:
          image: base:0.7
          command: sleep 600
          env: { RELEASE: "{0}" }
          ports: [{1}]
        """;

    private static string Web(int release, int port) =>
        ConfigFile.Write(Version.Replace("{0}", release.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{1}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

    [Fact]
    public async Task Rollback_returns_the_whole_spec_of_the_last_good_revision_and_history_shows_it()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await daemon.RunAsync("apply", Web(1, 8080));
        await daemon.RunAsync("service", "start", "web");
        await daemon.RunAsync("apply", Web(2, 9090));

        var rollback = await daemon.RunAsync("service", "rollback", "web");

        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Contains("Changed service web", rollback.Lines);
        Assert.Contains("Rolled back web in revision 3", rollback.Lines);
        var container = await Docker.InspectAsync(daemon.Name("web"));
        Assert.Contains("RELEASE=1", container.GetProperty("Config").GetProperty("Env").EnumerateArray().Select(e => e.GetString()));
        Assert.True(container.GetProperty("Config").GetProperty("ExposedPorts").TryGetProperty("8080/tcp", out _));

        var history = await daemon.RunAsync("service", "history", "web");
        Assert.True(history.ExitCode == 0, history.ToString());
        Assert.StartsWith("3 (current)", history.Lines[1], StringComparison.Ordinal);
        Assert.Contains("rollback of web to revision 1", history.Lines[1], StringComparison.Ordinal);
        Assert.Contains("rolled back: rolled back to revision 1 by revision 3", history.Lines[2], StringComparison.Ordinal);
        Assert.Contains("environment.RELEASE: \"1\" -> \"2\"", history.Lines[2], StringComparison.Ordinal);
        // Applied before anyone started it: stored, with nothing to run yet.
        Assert.EndsWith("recorded", history.Lines[3], StringComparison.Ordinal);

        var diff = await daemon.RunAsync("revision", "diff", "1", "2");
        Assert.Contains($"default/{daemon.Name("web")}.environment.RELEASE: \"1\" -> \"2\"", diff.Lines);
        Assert.Contains($"default/{daemon.Name("web")}.ports: [8080] -> [9090]", diff.Lines);
        var show = await daemon.RunAsync("revision", "show", "3");
        Assert.Contains("pinned web at revision 1", show.Lines);
    }

    [Fact]
    public async Task Rollback_to_a_named_revision_and_its_refusals_say_why()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await daemon.RunAsync("apply", Web(1, 8080));
        await daemon.RunAsync("apply", Web(2, 8080));
        await daemon.RunAsync("apply", Web(3, 8080));

        var toFirst = await daemon.RunAsync("service", "rollback", "web", "--to", "1", "-o", "json");
        var again = await daemon.RunAsync("service", "rollback", "web", "--to", "1");
        var future = await daemon.RunAsync("service", "rollback", "web", "--to", "99");
        var unknown = await daemon.RunAsync("service", "rollback", "nothing", "--to", "1");

        Assert.True(toFirst.ExitCode == 0, toFirst.ToString());
        using var outcome = System.Text.Json.JsonDocument.Parse(toFirst.Output);
        Assert.Equal(4, outcome.RootElement.GetProperty("revision").GetInt64());
        Assert.Equal(ExitCodes.Invalid, again.ExitCode);
        Assert.Contains("web is already as revision 1 has it: nothing to roll back", again.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, future.ExitCode);
        Assert.Contains("there is no revision 99 (the newest is 4)", future.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, unknown.ExitCode);
        Assert.Contains("revision 1 has no service nothing", unknown.Error, StringComparison.Ordinal);
    }
}
