using System.Text.Json;
using Sky.Cli.Tests.Supervision;
using Sky.Testing;

namespace Sky.Cli.Tests.Commands;

/// <summary><c>sky service status</c> and <c>sky ps</c> on the real engine: health is said only where there is some.</summary>
public sealed class ServiceStatusCommandTests
{
    [Fact]
    public async Task Health_says_no_check_for_a_container_without_checks_and_nothing_for_one_that_does_not_run()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await daemon.RunAsync("apply", Examples.MyApplication);
        Assert.Equal(0, (await daemon.RunAsync("service", "start", "my-application/dev")).ExitCode);
        var application = daemon.Name("my-application-dev");
        var database = daemon.Name("my-application-dev-database");
        await Eventually.WaitForAsync(() => ContainerFacts.ReadAsync(daemon, "my-application", application), f => f.Health == "healthy", TimeSpan.FromSeconds(20), "the checked application healthy");

        var status = await daemon.RunAsync("service", "status", "my-application");
        var ps = await daemon.RunAsync("ps");
        var json = Containers(await daemon.RunAsync("service", "status", "my-application", "-o", "json"));

        // The database has no checks: the supervisor counts it healthy, people are told there is no check.
        Assert.Equal(("running", "no check", "-"), (Cell(status, database, "STATE"), Cell(status, database, "HEALTH"), Cell(status, database, "LAST CHECK")));
        Assert.Equal(("running", "healthy"), (Cell(status, application, "STATE"), Cell(status, application, "HEALTH")));
        Assert.StartsWith("http /health on port 8080: HTTP 200", Cell(status, application, "LAST CHECK"), StringComparison.Ordinal);
        Assert.Equal(("no check", "healthy"), (Cell(ps, database, "HEALTH"), Cell(ps, application, "HEALTH")));
        // In JSON, no health is a null (left out, as every null), and checked says why.
        Assert.Equal((false, false), (json[database].TryGetProperty("health", out _), json[database].GetProperty("checked").GetBoolean()));
        Assert.Equal(("healthy", true), (json[application].GetProperty("health").GetString(), json[application].GetProperty("checked").GetBoolean()));

        Assert.Equal(0, (await daemon.RunAsync("service", "stop", "my-application/dev")).ExitCode);
        var stopped = await daemon.RunAsync("service", "status", "my-application");
        var stoppedJson = Containers(await daemon.RunAsync("service", "status", "my-application", "-o", "json"));

        // Stopped, neither has health: no "healthy" with the last HTTP 200 of a container that no longer runs.
        Assert.Equal(("exited", "-", "-"), (Cell(stopped, application, "STATE"), Cell(stopped, application, "HEALTH"), Cell(stopped, application, "LAST CHECK")));
        Assert.Equal(("exited", "-"), (Cell(stopped, database, "STATE"), Cell(stopped, database, "HEALTH")));
        Assert.Equal((false, false, true), (stoppedJson[application].TryGetProperty("health", out _), stoppedJson[application].TryGetProperty("lastCheck", out _), stoppedJson[application].GetProperty("checked").GetBoolean()));
        Assert.Equal("-", Cell(await daemon.RunAsync("ps"), application, "HEALTH"));
    }

    /// <summary>
    /// The cell of a table's column in the row of a container: columns are left-aligned under their headers, and a
    /// column starts after two spaces or more (a header such as LAST CHECK has one inside).
    /// </summary>
    private static string Cell(CliRun run, string container, string column)
    {
        var header = run.Lines.First(l => l.Contains("HEALTH", StringComparison.Ordinal));
        var row = run.Lines.Single(l => l.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Contains(container));
        var starts = Enumerable.Range(0, header.Length).Where(i => header[i] != ' ' && (i == 0 || (i >= 2 && header[i - 1] == ' ' && header[i - 2] == ' '))).ToList();
        var start = header.IndexOf(column, StringComparison.Ordinal);
        var end = starts.FirstOrDefault(s => s > start, int.MaxValue);
        return start >= row.Length ? string.Empty : row[start..Math.Min(end, row.Length)].Trim();
    }

    private static Dictionary<string, JsonElement> Containers(CliRun run) =>
        JsonDocument.Parse(run.Output).RootElement.GetProperty("instances").EnumerateArray()
            .SelectMany(i => i.GetProperty("containers").EnumerateArray())
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.Clone());
}
