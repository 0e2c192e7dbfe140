using Sky.Testing;

namespace Sky.Cli.Tests.Routing;

/// <summary>A container that answers 500 is ejected from its pool, then let back in carefully once it recovers.</summary>
public sealed class BreakerTests
{
    [Fact]
    public async Task A_replica_answering_500_is_ejected_said_in_events_and_readmitted_when_it_recovers()
    {
        await using var daemon = await TestDaemon.StartAsync();
        using var client = new RoutedClient(daemon);
        await RoutedServices.StartAsync(daemon, RoutedServices.Web(replicas: 2), "web", "web.localhost/", 2);
        var failing = (await Docker.RunAsync("exec", daemon.Name("web-2"), "hostname")).Trim();
        await Docker.RunAsync("exec", daemon.Name("web-2"), "touch", "/tmp/fail");

        // Round robin sends it every other request: five failures of ten trip its breaker.
        var before = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            before.Add((await client.GetAsync("web.localhost", "/cgi-bin/who")).Status);
        }

        var after = new List<(int Status, string Body)>();
        for (var i = 0; i < 20; i++)
        {
            after.Add(await client.GetAsync("web.localhost", "/cgi-bin/who"));
        }

        var events = await daemon.RunAsync("events", "--service", "web");

        Assert.Contains(500, before);
        // Ejected, it gets no request but the odd trial when an ejection (1 s, then 2 s) ends.
        Assert.True(after.Count(a => a.Status == 500) <= 2, string.Join(", ", after.Select(a => a.Status)));
        Assert.True(after.Count(a => a.Status == 200) >= 18, string.Join(", ", after.Select(a => a.Status)));
        Assert.Contains(events.Lines, l => l.Contains("ejected", StringComparison.Ordinal) && l.Contains(daemon.Name("web-2"), StringComparison.Ordinal));

        // Recovered, it takes trial requests after its ejection (1 s) and then a growing share.
        await Docker.RunAsync("exec", daemon.Name("web-2"), "rm", "/tmp/fail");
        await Eventually.WaitForAsync(
            async () => (await client.GetAsync("web.localhost", "/cgi-bin/who")).Body,
            body => body == failing,
            TimeSpan.FromSeconds(30), "the recovered replica answering again");
    }
}
