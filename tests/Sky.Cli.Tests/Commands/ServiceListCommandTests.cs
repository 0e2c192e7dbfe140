using System.Text.Json;
using Sky.Testing;

namespace Sky.Cli.Tests.Commands;

/// <summary><c>sky service list</c> on the real engine: applied services show before they run, and how they run after.</summary>
public sealed class ServiceListCommandTests
{
    [Fact]
    public async Task Applied_services_are_listed_stopped_then_running_with_their_jobs_and_revision()
    {
        await using var daemon = await TestDaemon.StartAsync();
        Assert.Equal(["nothing applied yet (sky apply PATH)"], (await daemon.RunAsync("service", "list")).Lines);
        Assert.Equal(0, (await daemon.RunAsync("apply", Examples.Folder)).ExitCode);

        var before = await daemon.RunAsync("service", "list");

        Assert.Equal(0, before.ExitCode);
        Assert.Equal(["SERVICE", "INSTANCE", "STATE", "RUNNING", "IMAGE", "WANTED"], before.Lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(before.Lines, l => Words(l) is ["my-application", "production", "stopped", "0/2", "my-application:1.0-SNAPSHOT", "stopped"]);
        Assert.Contains(before.Lines, l => Words(l) is ["still-alive", "1", "day", "at", "17:00"]);
        Assert.Equal("revision 1", before.Lines[^1]);

        Assert.Equal(0, (await daemon.RunAsync("service", "start", "my-application/production")).ExitCode);
        var after = await Eventually.WaitForAsync(
            () => daemon.RunAsync("service", "list", "-o", "json"),
            run => Instance(run, "production").GetProperty("state").GetString() == "running",
            TimeSpan.FromSeconds(20),
            "production running and healthy");

        var production = Instance(after, "production");
        Assert.Equal((2, 2, true), (production.GetProperty("running").GetInt32(), production.GetProperty("containers").GetInt32(), production.GetProperty("wanted").GetBoolean()));
        Assert.Equal("stopped", Instance(after, "dev").GetProperty("state").GetString());

        // Stopped by a person: no longer wanted, so stopped (a wanted one with nothing running would be down).
        Assert.Equal(0, (await daemon.RunAsync("service", "stop", "my-application/production")).ExitCode);
        Assert.Equal("stopped", Instance(await daemon.RunAsync("service", "list", "-o", "json"), "production").GetProperty("state").GetString());
    }

    private static string[] Words(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static JsonElement Instance(CliRun run, string name) =>
        JsonDocument.Parse(run.Output).RootElement.GetProperty("services").EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == "my-application")
            .GetProperty("instances").EnumerateArray().Single(i => i.GetProperty("name").GetString() == name);
}
