using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Sky.Cli.Tests.Routing;
using Sky.Router;
using Sky.Router.Table;

namespace Sky.Cli.Tests.Revisions;

/// <summary>
/// Rolling updates through the router on the real engine, under a bounded request loop: a new version replaces the
/// replicas batch after batch, start-first, and not one request fails; a version that never turns healthy leaves the
/// old containers serving and is rolled back.
/// </summary>
public sealed class RollingUpdateTests
{
    private const string Site = "web.localhost/";

    private static readonly string[] Replicas = ["web", "web-2", "web-3"];

    private static string Web(int generation, string extra = "") => $"""
        web:
          image: sky-router-backend:latest
          ports: [ 8080 ]
          replicas: 3
          env:
            VIRTUAL_HOST: web.localhost
            GENERATION: "{generation}"
        {extra}
        """;

    [Fact]
    public async Task Three_replicas_are_replaced_one_by_one_with_no_failed_request_and_never_fewer_than_three_serving()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await RoutedServices.StartAsync(daemon, Web(1), "web", Site, 3);
        var before = await IdsAsync(daemon);
        using var capacity = new CapacityWatch(daemon);
        await using var load = RequestLoop.Start(daemon);
        await load.AnsweredAsync(1);

        var apply = await daemon.RunAsync("apply", ConfigFile.Write(Web(2)));
        await load.AnsweredAsync(load.Answered + 1);
        var failures = await load.StopAsync();

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(capacity.Least >= 3, $"at one point only {capacity.Least} containers were ready: {capacity.Lowest}");
        var after = await IdsAsync(daemon);
        Assert.Empty(after.Intersect(before));
        Assert.Equal(3, after.Count);
        Assert.DoesNotContain(
            (await Docker.RunAsync("ps", "-a", "--filter", $"name={daemon.Name("web")}", "--format", "{{.Names}}")).Split('\n', StringSplitOptions.RemoveEmptyEntries),
            n => n.Contains(".retiring", StringComparison.Ordinal));
        Assert.All(await EnvAsync(daemon), env => Assert.Contains("GENERATION=2", env));
    }

    [Fact]
    public async Task A_version_that_never_turns_healthy_leaves_the_old_containers_serving_and_is_rolled_back()
    {
        await using var daemon = await TestDaemon.StartAsync();
        await RoutedServices.StartAsync(daemon, Web(1), "web", Site, 3);
        var before = await IdsAsync(daemon);
        using var capacity = new CapacityWatch(daemon);
        await using var load = RequestLoop.Start(daemon);
        await load.AnsweredAsync(1);

        var deploy = await daemon.RunAsync("deploy", ConfigFile.Write(Web(2, """
              checks:
                - http: /missing
                  port: 8080
                  interval: 1s
                  retries: 1
              deploy:
                health-timeout: 20s
            """)), "--wait");
        await load.AnsweredAsync(load.Answered + 1);
        var failures = await load.StopAsync();

        Assert.True(deploy.ExitCode == ExitCodes.RolledBack, deploy.ToString());
        Assert.Contains($"{daemon.Name("web")} is unhealthy", deploy.Error, StringComparison.Ordinal);
        Assert.Contains($"{daemon.Name("web")} runs on as it was; rolled back by revision 3", deploy.Error, StringComparison.Ordinal);
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(capacity.Least >= 3, $"at one point only {capacity.Least} containers were ready: {capacity.Lowest}");
        Assert.Equal(before.Order(), (await IdsAsync(daemon)).Order());
        Assert.All(await EnvAsync(daemon), env => Assert.Contains("GENERATION=1", env));
    }

    private static async Task<List<string>> IdsAsync(TestDaemon daemon) =>
        [.. await Task.WhenAll(Replicas.Select(async n => (await Docker.InspectAsync(daemon.Name(n))).GetProperty("Id").GetString()!))];

    private static async Task<List<List<string?>>> EnvAsync(TestDaemon daemon) =>
        [.. await Task.WhenAll(Replicas.Select(async n =>
            (await Docker.InspectAsync(daemon.Name(n))).GetProperty("Config").GetProperty("Env").EnumerateArray().Select(e => e.GetString()).ToList()))];

    /// <summary>The fewest ready containers the site had in any route table put in force while it watched.</summary>
    private sealed class CapacityWatch : IDisposable
    {
        private readonly RouterState state;
        private readonly Lock gate = new();

        public CapacityWatch(TestDaemon daemon)
        {
            state = daemon.Services.GetRequiredService<RouterState>();
            state.TableChanged += Look;
        }

        public int Least { get; private set; } = int.MaxValue;

        public string Lowest { get; private set; } = "";

        public void Dispose() => state.TableChanged -= Look;

        private void Look(RouteTable table)
        {
            if (!table.ById.TryGetValue(Site, out var site))
            {
                return;
            }

            var ready = site.Backends.Count(b => b.State == BackendState.Ready);
            lock (gate)
            {
                if (ready < Least)
                {
                    Least = ready;
                    Lowest = string.Join(", ", site.Backends.Select(b => $"{b.Container} {b.State}"));
                }
            }
        }
    }

    /// <summary>GETs through the router one after the other, bounded in count; anything but a 200 is a failure, kept with why.</summary>
    private sealed class RequestLoop : IAsyncDisposable
    {
        private readonly RoutedClient client;
        private readonly CancellationTokenSource stop = new();
        private readonly ConcurrentQueue<string> failures = new();
        private Task loop = Task.CompletedTask;
        private int answered;

        private RequestLoop(TestDaemon daemon) => client = new RoutedClient(daemon);

        public int Answered => Volatile.Read(ref answered);

        public static RequestLoop Start(TestDaemon daemon)
        {
            var requests = new RequestLoop(daemon);
            requests.loop = Task.Run(requests.RunAsync);
            return requests;
        }

        public Task<int> AnsweredAsync(int atLeast) =>
            Sky.Testing.Eventually.WaitForAsync(() => Task.FromResult(Answered), n => n >= atLeast, TimeSpan.FromSeconds(60), $"{atLeast} answers through the router");

        public async Task<IReadOnlyCollection<string>> StopAsync()
        {
            await stop.CancelAsync();
            await loop;
            return failures;
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            client.Dispose();
            stop.Dispose();
        }

        private async Task RunAsync()
        {
            for (var sent = 0; !stop.IsCancellationRequested && sent < 50000; sent++)
            {
                try
                {
                    var (status, body) = await client.GetAsync("web.localhost", "/cgi-bin/who");
                    if (status == 200)
                    {
                        Interlocked.Increment(ref answered);
                    }
                    else
                    {
                        var text = System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(body, "<style>.*?</style>|<[^>]+>", " "), @"\s+", " ");
                        failures.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} request {sent}: {status} {text[..Math.Min(400, text.Length)]}");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    failures.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} request {sent}: {e.GetType().Name}: {e.Message}");
                }
            }
        }
    }
}
