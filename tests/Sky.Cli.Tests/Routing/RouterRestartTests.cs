namespace Sky.Cli.Tests.Routing;

/// <summary>Restarts and replacements drain a container before it stops: requests never meet a 502.</summary>
public sealed class RouterRestartTests
{
    [Fact]
    public async Task Restarting_and_replacing_under_a_request_loop_gives_no_502()
    {
        await using var daemon = await TestDaemon.StartAsync();
        using var client = new RoutedClient(daemon);
        await RoutedServices.StartAsync(daemon, RoutedServices.Web(replicas: 2, "GENERATION: \"1\""), "web", "web.localhost/", 2);

        var statuses = new System.Collections.Concurrent.ConcurrentQueue<int>();
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var answered = 0;
        string? lastRefusal = null;
        using var stop = new CancellationTokenSource();
        var loop = Task.Run(async () =>
        {
            for (var sent = 0; !stop.IsCancellationRequested && sent < 20000; sent++)
            {
                try
                {
                    var (status, body) = await client.GetAsync("web.localhost", "/cgi-bin/who");
                    statuses.Enqueue(status);
                    if (status != 200)
                    {
                        Volatile.Write(ref lastRefusal, body);

                        // A down page comes back in microseconds: unpaced, a slow restart under load spent the whole
                        // bounded count on 503s and the loop ended before the service was back. A client honouring
                        // Retry-After waits far longer than this.
                        await Task.Delay(10);
                    }

                    if (status == 200)
                    {
                        Interlocked.Increment(ref answered);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // A request that got no answer at all: kept with when and why, and the loop goes on.
                    failures.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} request {sent}: {e.GetType().Name}: {e.Message}");
                }
            }
        });

        // Each change starts once the loop has had an answer since the last one, so every phase is under load.
        await UntilAnsweredAsync(daemon, () => Volatile.Read(ref answered), 1, statuses, failures, () => Volatile.Read(ref lastRefusal));
        var restart = await daemon.RunAsync("service", "restart", "web");
        await RouterWatch.ReadyAsync(daemon, "web.localhost/", 2);
        await UntilAnsweredAsync(daemon, () => Volatile.Read(ref answered), Volatile.Read(ref answered) + 1, statuses, failures, () => Volatile.Read(ref lastRefusal));
        var replace = await daemon.RunAsync("apply", ConfigFile.Write(RoutedServices.Web(replicas: 2, "GENERATION: \"2\"")));
        await RouterWatch.ReadyAsync(daemon, "web.localhost/", 2);
        await stop.CancelAsync();
        await loop;
        var afterReplace = await client.GetAsync("web.localhost", "/cgi-bin/who");

        Assert.True(failures.IsEmpty, string.Join('\n', failures));
        Assert.True(restart.ExitCode == 0, restart.ToString());
        Assert.True(replace.ExitCode == 0, replace.ToString());
        Assert.Equal(200, afterReplace.Status);
        Assert.DoesNotContain(502, statuses);
        Assert.All(statuses, s => Assert.True(s is 200 or 503, $"answered {s}"));
    }

    /// <summary>Waits for the loop's answers; when they stop coming, says what the loop got and what the router thinks.</summary>
    private static Task<int> UntilAnsweredAsync(TestDaemon daemon, Func<int> answered, int atLeast, System.Collections.Concurrent.ConcurrentQueue<int> statuses, System.Collections.Concurrent.ConcurrentQueue<string> failures, Func<string?> lastRefusal) =>
        Sky.Testing.Eventually.WaitForAsync(
            () => Task.FromResult(answered()),
            n => n >= atLeast,
            TimeSpan.FromSeconds(60),
            $"{atLeast} answers through the router",
            async () => $"{statuses.Count} statuses, the last: {string.Join(',', statuses.TakeLast(30))}\n"
                + $"the last refusal:\n{lastRefusal()}\n"
                + $"requests that got no answer:\n{string.Join('\n', failures)}\n"
                + $"status:\n{(await daemon.RunAsync("service", "status", "web", "-o", "json")).Output}");
}
