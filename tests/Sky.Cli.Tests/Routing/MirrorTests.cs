using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Sky.Router.Metrics;
using Sky.Testing;

namespace Sky.Cli.Tests.Routing;

/// <summary>An instance with <c>mirror:</c> sends a copy of each request it gets to another instance, never at its own expense.</summary>
public sealed class MirrorTests
{
    [Fact]
    public async Task Copies_with_their_body_reach_the_mirror_and_a_slow_mirror_does_not_slow_the_primary()
    {
        await using var daemon = await TestDaemon.StartAsync();
        using var client = new RoutedClient(daemon);
        await daemon.RunAsync("apply", ConfigFile.Write("""
            app:
              image: sky-router-backend:latest
              ports: [ 8080 ]
              instances:
                production:
                  env:
                    VIRTUAL_HOST: app.localhost
                  mirror: staging
                staging:
                  env:
                    VIRTUAL_HOST: staging.app.localhost
                    SLOW: "5"
            """));
        Assert.Equal(0, (await daemon.RunAsync("service", "start", "app")).ExitCode);
        await RouterWatch.ReadyAsync(daemon, "app.localhost/", 1);
        await RouterWatch.ReadyAsync(daemon, "staging.app.localhost/", 1);

        using var posted = await client.SendAsync("app.localhost", "/cgi-bin/log?n=1", HttpMethod.Post, new StringContent("twelve bytes", Encoding.UTF8));
        var mirrored = await Eventually.WaitForAsync(
            () => Docker.RunAsync("exec", daemon.Name("app-staging"), "sh", "-c", "cat /tmp/requests 2>/dev/null || true"),
            log => log.Contains("POST /cgi-bin/log?n=1 12", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "the copy at the mirror");

        // The mirror answers /cgi-bin/who 5 s late; the primary's answers all come back while every copy still waits.
        for (var i = 0; i < 5; i++)
        {
            var (status, _) = await client.GetAsync("app.localhost", "/cgi-bin/who?copy=" + i);
            Assert.Equal(200, status);
        }

        var atMirrorMeanwhile = await Docker.RunAsync("exec", daemon.Name("app-staging"), "sh", "-c", "cat /tmp/requests");
        var primaryLog = await Docker.RunAsync("exec", daemon.Name("app-production"), "sh", "-c", "cat /tmp/requests");
        await Eventually.WaitForAsync(
            () => Docker.RunAsync("exec", daemon.Name("app-staging"), "sh", "-c", "cat /tmp/requests"),
            log => log.Contains("copy=4", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60), "the slow copies at the mirror");

        Assert.DoesNotContain("copy=", atMirrorMeanwhile, StringComparison.Ordinal);
        Assert.Equal(200, (int)posted.StatusCode);
        Assert.Contains("POST /cgi-bin/log?n=1 12", primaryLog, StringComparison.Ordinal);
        Assert.Contains("POST /cgi-bin/log?n=1 12", mirrored, StringComparison.Ordinal);
        var metrics = daemon.Services.GetRequiredService<RequestMetrics>();
        await Eventually.WaitForAsync(
            () => Task.FromResult(metrics.Summary(MetricsKey.ForInstance("app", "production"), TimeSpan.FromMinutes(1)).MirrorCopies),
            copies => copies >= 1, TimeSpan.FromSeconds(30), "mirror copies counted");
    }
}
