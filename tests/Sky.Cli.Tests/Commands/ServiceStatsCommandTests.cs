using System.Text.Json;
using Sky.Cli.Tests.Routing;
using Sky.Testing;

namespace Sky.Cli.Tests.Commands;

/// <summary><c>sky service stats</c> and the router's part of <c>sky service status</c>, on the real engine and router.</summary>
public sealed class ServiceStatsCommandTests
{
    private const int Sent = 7;

    [Fact]
    public async Task Stats_count_routed_requests_in_the_instance_that_answered_them_and_status_names_its_address()
    {
        await using var daemon = await TestDaemon.StartAsync();
        using var client = new RoutedClient(daemon);
        await daemon.RunAsync("apply", ConfigFile.Write("""
            web:
              image: sky-router-backend:latest
              ports: [ 8080 ]
              instances:
                blue:
                  env:
                    VIRTUAL_HOST: "web.localhost, *.web.localhost, ~^blue[0-9]+\\.localhost$"
                green:
                  env:
                    VIRTUAL_HOST: green.localhost
                    VIRTUAL_PATH: /shop
            """));
        Assert.Equal(0, (await daemon.RunAsync("service", "start", "web")).ExitCode);
        await RouterWatch.ReadyAsync(daemon, "web.localhost/", 1);
        await RouterWatch.ReadyAsync(daemon, "green.localhost/shop", 1);
        for (var i = 0; i < Sent; i++)
        {
            Assert.Equal(200, (await client.GetAsync("web.localhost")).Status);
        }

        // The current second is still counting and left out: wait until the requests are all in whole seconds.
        var json = await Eventually.WaitForAsync(
            async () => await daemon.RunAsync("service", "stats", "web", "-o", "json"),
            run => run.ExitCode == 0 && Instance(run, "blue").GetProperty("stats").GetProperty("requests").GetInt64() == Sent,
            TimeSpan.FromSeconds(10),
            $"{Sent} requests in blue's stats");
        var table = await daemon.RunAsync("service", "stats", "web", "--window", "10m");
        var status = await daemon.RunAsync("service", "status", "web");
        var statusJson = JsonDocument.Parse((await daemon.RunAsync("service", "status", "web", "-o", "json")).Output).RootElement;

        var blue = Instance(json, "blue");
        var container = Assert.Single(blue.GetProperty("containers").EnumerateArray());
        Assert.Equal((Sent, 0L), (blue.GetProperty("stats").GetProperty("responses").GetProperty("successful").GetInt64(), blue.GetProperty("stats").GetProperty("responses").GetProperty("serverError").GetInt64()));
        Assert.Equal(0, Instance(json, "green").GetProperty("stats").GetProperty("requests").GetInt64());
        Assert.Equal(Sent, JsonDocument.Parse(json.Output).RootElement.GetProperty("total").GetProperty("requests").GetInt64());
        Assert.Equal((daemon.Name("web-blue"), Sent), (container.GetProperty("name").GetString(), container.GetProperty("stats").GetProperty("responses").GetProperty("successful").GetInt64()));
        Assert.Equal(("ready", "closed"), (container.GetProperty("router").GetProperty("state").GetString(), container.GetProperty("router").GetProperty("breaker").GetString()));
        Assert.Equal(60, JsonDocument.Parse(json.Output).RootElement.GetProperty("windowSeconds").GetDouble());

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.StartsWith($"web over the last 10m: {Sent} requests", table.Lines[0], StringComparison.Ordinal);
        Assert.Equal(["blue", "all", "7", "0", "0", "0.0%"], Cells(table, l => l.StartsWith("blue", StringComparison.Ordinal) && l.Contains(" all ", StringComparison.Ordinal)).Where((_, i) => i is 0 or 1 or 3 or 4 or 5 or 6));
        Assert.Equal("ready", Cells(table, l => l.Contains(daemon.Name("web-blue"), StringComparison.Ordinal))[^1]);

        // Exact names only: the wildcard and the expression are no address.
        Assert.Contains($"http://web.localhost:{daemon.RouterPort}/", status.Output, StringComparison.Ordinal);
        Assert.Contains($"http://green.localhost:{daemon.RouterPort}/shop", status.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("*.web", status.Output, StringComparison.Ordinal);
        var addresses = statusJson.GetProperty("instances").EnumerateArray().First(i => i.GetProperty("name").GetString() == "blue").GetProperty("addresses");
        Assert.Equal([$"http://web.localhost:{daemon.RouterPort}/"], addresses.EnumerateArray().Select(a => a.GetString()!).ToArray());
    }

    [Fact]
    public async Task An_unknown_service_is_an_error_on_stderr()
    {
        await using var daemon = await TestDaemon.StartAsync();

        var run = await daemon.RunAsync("service", "stats", "nothing-here");

        Assert.Equal(ExitCodes.NotFound, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains("no service named 'nothing-here'", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5x", "window: '5x' is not a duration")]
    [InlineData("2h", "window: '2h' is out of range")]
    [InlineData("100ms", "window: '100ms' is out of range")]
    public async Task A_window_that_is_no_duration_or_too_long_is_refused_with_what_is_wrong(string window, string expected)
    {
        await using var daemon = await TestDaemon.StartAsync();
        await daemon.RunAsync("apply", ConfigFile.Write("""
            web:
              image: sky-router-backend:latest
              ports: [ 8080 ]
            """));

        var run = await daemon.RunAsync("service", "stats", "web", "--window", window);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    private static JsonElement Instance(CliRun run, string name) =>
        JsonDocument.Parse(run.Output).RootElement.GetProperty("instances").EnumerateArray().First(i => i.GetProperty("name").GetString() == name).Clone();

    /// <summary>The cells of the one table row that <paramref name="row"/> picks (columns are two spaces apart or more).</summary>
    private static string[] Cells(CliRun run, Func<string, bool> row) =>
        run.Lines.Single(row).Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
