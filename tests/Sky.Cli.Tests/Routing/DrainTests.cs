using Microsoft.Extensions.DependencyInjection;
using Sky.Router;
using Sky.Testing;

namespace Sky.Cli.Tests.Routing;

/// <summary>A container leaves its pool before sky stops it, and the requests it is answering finish first.</summary>
public sealed class DrainTests
{
    [Fact]
    public async Task A_request_in_flight_when_the_service_restarts_is_answered_by_the_old_container()
    {
        await using var daemon = await TestDaemon.StartAsync();
        using var client = new RoutedClient(daemon);
        await RoutedServices.StartAsync(daemon, RoutedServices.Web(replicas: 1, "SLOW: \"3\""), "web", "web.localhost/", 1);
        var before = (await Docker.RunAsync("exec", daemon.Name("web"), "hostname")).Trim();
        var startedBefore = await StartedAtAsync(daemon);
        var state = daemon.Services.GetRequiredService<RouterState>();

        // The backend answers 3 s late: the restart begins while the request is in flight.
        var slow = client.GetAsync("web.localhost", "/cgi-bin/who");
        await Eventually.WaitForAsync(() => Task.FromResult(state.Member(daemon.Name("web"))?.InFlight ?? 0), n => n == 1, TimeSpan.FromSeconds(10), "the request in flight");
        var restart = await daemon.RunAsync("service", "restart", "web");
        var (status, body) = await slow;
        var startedAfter = await StartedAtAsync(daemon);

        Assert.True(restart.ExitCode == 0, restart.ToString());
        Assert.Equal(200, status);
        Assert.Equal(before, body);
        Assert.True(startedAfter > startedBefore, $"started {startedBefore:O}, then {startedAfter:O}");
    }

    private static async Task<DateTimeOffset> StartedAtAsync(TestDaemon daemon) =>
        (await Docker.InspectAsync(daemon.Name("web"))).GetProperty("State").GetProperty("StartedAt").GetDateTimeOffset();
}
