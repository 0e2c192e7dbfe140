using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Sky.Dashboard.Tests.Views;

[Collection(SharedBrowser.Name)]
public sealed class OverviewTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_overview_lists_the_example_services_with_their_health()
    {
        await using var daemon = await DashboardDaemon.StartAsync();
        await daemon.ApplyAsync(Services.Example());
        await daemon.SkyAsync("service", "start", "my-application");
        var (page, errors) = await browser.NewPageAsync();

        await BrowserFixture.OpenLiveAsync(page, errors, daemon.Address + "/");

        foreach (var instance in new[] { "production", "dev" })
        {
            var main = page.Locator($"tr[data-container='{daemon.Name($"my-application-{instance}")}']");
            await Expect(main.Locator("td.health")).ToHaveTextAsync("healthy", new() { Timeout = 30_000 });
            await Expect(main.Locator(".container")).ToHaveTextAsync(daemon.Name($"my-application-{instance}"));
            await Expect(main.Locator(".image")).ToHaveTextAsync(instance == "production" ? "my-application:1.0-SNAPSHOT" : "my-application:1.1-dev");
            var database = page.Locator($"tr[data-container='{daemon.Name($"my-application-{instance}-database")}']");
            await Expect(database.Locator("td.health")).ToHaveTextAsync("healthy", new() { Timeout = 30_000 });
        }

        await Expect(page.Locator("tbody[data-service='my-application'] a[href='http://my-application.localhost:" + daemon.RouterPort + "/']")).ToBeVisibleAsync();
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-live", "true");
        await BrowserFixture.ScreenshotAsync(page, "overview");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_container_killed_behind_skys_back_shows_its_restart_without_a_reload()
    {
        await using var daemon = await DashboardDaemon.StartAsync();
        await daemon.ApplyAsync(Services.Web());
        await daemon.SkyAsync("service", "start", "web");
        var (page, errors) = await browser.NewPageAsync();
        await BrowserFixture.OpenLiveAsync(page, errors, daemon.Address + "/");
        var row = page.Locator($"tr[data-container='{daemon.Name("web")}']");
        try
        {
            await Expect(row.Locator("td.health")).ToHaveTextAsync("healthy", new() { Timeout = 30_000 });
        }
        catch (PlaywrightException e)
        {
            // What the browser said about the page is the clue (ERR_NETWORK_CHANGED was, once).
            throw new InvalidOperationException($"{e.Message}\nthe page's console errors: [{string.Join("; ", errors)}]", e);
        }

        await Expect(row.Locator("td.restarts")).ToHaveTextAsync("0");

        // The feed tells the page that it died and that sky started it again; nobody reloads.
        await Sky.Testing.ProgramRun.CheckedAsync("docker", "kill", daemon.Name("web"));

        await Expect(row.Locator("td.restarts")).ToHaveTextAsync("1", new() { Timeout = 30_000 });
        await Expect(row.Locator("td.health")).ToHaveTextAsync("healthy", new() { Timeout = 30_000 });
    }
}
