using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sky.Api.Settings;
using Sky.Metrics;
using static Microsoft.Playwright.Assertions;

namespace Sky.Dashboard.Tests.Views;

/// <summary>The service page's charts: drawn from the samples the daemon keeps, one line per container.</summary>
[Collection(SharedBrowser.Name)]
public sealed class ServiceChartsTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_charts_tab_draws_each_containers_cpu_and_memory_from_the_kept_samples()
    {
        // Sampled every second, so that two samples (a CPU rate needs both) come soon after the start.
        await using var daemon = await DashboardDaemon.StartAsync(settings: new DaemonSettings { Metrics = new MetricsSettings { SampleInterval = TimeSpan.FromSeconds(1) } });
        await daemon.ApplyAsync(Services.Web());
        await daemon.SkyAsync("service", "start", "web");
        var (page, errors) = await browser.NewPageAsync();
        await BrowserFixture.OpenLiveAsync(page, errors, $"{daemon.Address}/#/service/web");

        await page.Locator("button[data-tab=charts]").ClickAsync();

        // The tab reads the metrics again every 10 s, and the history keeps a value per 10 s: the new container's
        // first value shows as a dot, and a line once it has two.
        var container = daemon.Name("web");
        foreach (var chart in new[] { "CPU (% of a core)", "Memory" })
        {
            var figure = page.Locator($"figure[data-chart='{chart}']");
            await Expect(figure.Locator(".legend li")).ToContainTextAsync([container], new() { Timeout = 30_000 });
            await Expect(figure.Locator("svg polyline")).ToHaveAttributeAsync("points", new Regex(@"^\S+ \S+"), new() { Timeout = 40_000 });
        }

        await Expect(page.Locator("figure[data-chart='Memory'] .legend li")).ToContainTextAsync(new Regex(@"\(last [0-9.,]+ [KMGT]?B\)"));
        await BrowserFixture.ScreenshotAsync(page, "service-charts");
        Assert.Empty(errors);
    }
}
