using System.Diagnostics;
using Sky.Router.Table;

namespace Sky.Cli.Tests.Routing;

/// <summary>Requests for a VIRTUAL_HOST reach every healthy container that carries it, and none is lost when one dies.</summary>
public sealed class RouterPoolTests
{
    [Fact]
    public async Task Two_replicas_share_the_traffic_and_a_killed_one_costs_no_request()
    {
        await using var daemon = await TestDaemon.StartAsync();
        using var client = new RoutedClient(daemon);
        await RoutedServices.StartAsync(daemon, RoutedServices.Web(replicas: 2), "web", "web.localhost/", 2);

        var answered = new HashSet<string>();
        for (var i = 0; i < 10; i++)
        {
            var (status, body) = await client.GetAsync("web.localhost");
            Assert.True(status == 200, $"{status} {body}");
            answered.Add(body);
        }

        Assert.Equal(2, answered.Count);

        // A bounded loop of requests while one replica is killed: each must succeed, on the other replica if need be.
        var failures = new List<string>();
        using var stop = new CancellationTokenSource();
        var loop = Task.Run(async () =>
        {
            var sent = 0;
            while (!stop.IsCancellationRequested && sent < 5000)
            {
                sent++;
                var (status, body) = await client.GetAsync("web.localhost", "/cgi-bin/who");
                if (status != 200)
                {
                    failures.Add($"{status} {body}");
                }
            }

            return sent;
        });
        await Docker.RunAsync("kill", daemon.Name("web-2"));
        await RouterWatch.UntilAsync(daemon, t => t.ById["web.localhost/"].Backends.Any(b => b.State != BackendState.Ready), "the killed replica out of the pool");
        await RouterWatch.ReadyAsync(daemon, "web.localhost/", 2);
        await stop.CancelAsync();
        var sent = await loop;

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests failed: {string.Join("; ", failures.Take(5))}");

        // The replica is back in the pool, but its breaker may have tripped while it was down (its connections failed):
        // then it is re-admitted carefully, ejected for a second or two, then trial requests, then a growing share. So
        // it gets traffic again within the ramp, not necessarily among the first few requests.
        answered.Clear();
        var until = Stopwatch.GetTimestamp() + (30 * Stopwatch.Frequency);
        while (answered.Count < 2 && Stopwatch.GetTimestamp() < until)
        {
            answered.Add((await client.GetAsync("web.localhost")).Body);
        }

        Assert.Equal(2, answered.Count);
    }

    [Fact]
    public async Task Two_instances_naming_one_host_share_it_and_an_unknown_host_gets_a_404_naming_nothing()
    {
        await using var daemon = await TestDaemon.StartAsync();
        using var client = new RoutedClient(daemon);
        await daemon.RunAsync("apply", ConfigFile.Write("""
            shop:
              image: sky-router-backend:latest
              ports: [ 8080 ]
              env:
                VIRTUAL_HOST: shop.localhost
              instances:
                blue: {}
                green: {}
            """));
        Assert.Equal(0, (await daemon.RunAsync("service", "start", "shop")).ExitCode);
        await RouterWatch.ReadyAsync(daemon, "shop.localhost/", 2);

        var answered = new HashSet<string>();
        for (var i = 0; i < 10; i++)
        {
            answered.Add((await client.GetAsync("shop.localhost")).Body);
        }

        var unknown = await client.GetAsync("nothing-here.localhost");

        Assert.Equal(2, answered.Count);
        Assert.Equal(404, unknown.Status);
        Assert.DoesNotContain("shop", unknown.Body, StringComparison.Ordinal);
    }
}
