using System.Text.Json;
using Sky.Router.Table;

namespace Sky.Cli.Tests.Routing;

/// <summary>When nothing behind a host can answer, the router says which services are behind it and why.</summary>
public sealed class DownPageTests
{
    [Fact]
    public async Task A_stopped_service_gets_a_503_page_naming_it_and_a_starting_one_says_so()
    {
        await using var daemon = await TestDaemon.StartAsync();
        using var client = new RoutedClient(daemon);
        await daemon.RunAsync("apply", ConfigFile.Write("""
            api:
              image: sky-router-backend:latest
              ports: [ 8080 ]
              env:
                VIRTUAL_HOST: api.localhost
            slow:
              image: base:0.7
              command: sleep 600
              ports: [ 8080 ]
              env:
                VIRTUAL_HOST: slow.localhost
            """));
        await RouterWatch.UntilAsync(daemon, t => t.ById.ContainsKey("api.localhost/"), "api's site");

        using var stopped = await client.SendAsync("api.localhost", "/");
        var stoppedPage = await stopped.Content.ReadAsStringAsync();
        using var stoppedJson = await client.SendAsync("api.localhost", "/", accept: "application/json");
        var answer = JsonDocument.Parse(await stoppedJson.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(503, (int)stopped.StatusCode);
        Assert.NotNull(stopped.Headers.RetryAfter);
        Assert.Contains("api/default", stoppedPage, StringComparison.Ordinal);
        Assert.Contains("stopped", stoppedPage, StringComparison.Ordinal);
        Assert.Equal("api", answer.GetProperty("instances")[0].GetProperty("service").GetString());
        Assert.Equal("stopped", answer.GetProperty("instances")[0].GetProperty("reason").GetString());

        // A container that runs but never answers HTTP stays starting: the page says so rather than a 502.
        Assert.Equal(0, (await daemon.RunAsync("service", "start", "slow")).ExitCode);
        await RouterWatch.UntilAsync(daemon, t => t.ById["slow.localhost/"].Backends.All(b => b.State == BackendState.Starting), "slow starting");
        var starting = await client.GetAsync("slow.localhost");

        Assert.Equal(503, starting.Status);
        Assert.Contains("starting", starting.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_can_name_its_own_down_page()
    {
        await using var daemon = await TestDaemon.StartAsync();
        using var client = new RoutedClient(daemon);
        var config = ConfigFile.Write("""
            shop:
              image: sky-router-backend:latest
              ports: [ 8080 ]
              env:
                VIRTUAL_HOST: shop.localhost
              router:
                down-page: ./down.html
            """);
        await File.WriteAllTextAsync(Path.Combine(Path.GetDirectoryName(config)!, "down.html"), "<h1>The shop is closed for a moment</h1>");
        var apply = await daemon.RunAsync("apply", config);
        Assert.True(apply.ExitCode == 0, apply.ToString());
        await RouterWatch.UntilAsync(daemon, t => t.ById.ContainsKey("shop.localhost/"), "shop's site");

        using var page = await client.SendAsync("shop.localhost", "/");

        Assert.Equal(503, (int)page.StatusCode);
        Assert.Equal("<h1>The shop is closed for a moment</h1>", await page.Content.ReadAsStringAsync());
    }
}
