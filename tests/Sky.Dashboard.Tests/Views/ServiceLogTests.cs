using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Sky.Dashboard.Tests.Views;

/// <summary>The service page's live log: what a container prints shows up, can be searched, and is only ever text.</summary>
[Collection(SharedBrowser.Name)]
public sealed class ServiceLogTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_line_a_container_prints_appears_in_the_live_log_within_a_second()
    {
        await using var daemon = await DashboardDaemon.StartAsync();
        await daemon.ApplyAsync(Services.Web());
        await daemon.SkyAsync("service", "start", "web");
        var (page, errors) = await OpenLogAsync(daemon);

        await Engine.PrintAsync(daemon.Name("web"), "hello from the container");

        // Printed before docker exec returned: shown within a second of that.
        await Expect(page.Locator(".log-text", new() { HasTextString = "hello from the container" })).ToBeVisibleAsync(new() { Timeout = 1_000 });
        await Expect(page.Locator(".log-line", new() { HasTextString = "hello from the container" }).Locator(".log-container")).ToHaveTextAsync(daemon.Name("web"));
        await BrowserFixture.ScreenshotAsync(page, "service");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Search_finds_a_line_among_others()
    {
        await using var daemon = await DashboardDaemon.StartAsync();
        await daemon.ApplyAsync(Services.Web());
        await daemon.SkyAsync("service", "start", "web");
        var (page, _) = await OpenLogAsync(daemon);
        await Engine.PrintFromAsync(daemon.Name("web"), "echo first line; echo the needle 7f3a; echo last line");
        await Expect(page.Locator(".log-text", new() { HasTextString = "last line" })).ToBeVisibleAsync(new() { Timeout = 10_000 });

        await page.Locator("input[name=grep]").FillAsync("needle 7f3a");
        await page.Locator("input[name=grep]").PressAsync("Enter");

        await Expect(page.Locator(".log-text")).ToHaveTextAsync(["the needle 7f3a"]);
        await Expect(page.Locator(".log-count")).ToHaveTextAsync("1 line");
    }

    [Fact]
    public async Task A_log_line_of_html_renders_as_its_characters()
    {
        await using var daemon = await DashboardDaemon.StartAsync();
        await daemon.ApplyAsync(Services.Web());
        await daemon.SkyAsync("service", "start", "web");
        var (page, errors) = await OpenLogAsync(daemon);
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };

        await Engine.PrintAsync(daemon.Name("web"), "<script>alert(1)</script><img src=x onerror=alert(2)>");

        var line = page.Locator(".log-text", new() { HasTextString = "<script>alert(1)</script>" });
        await Expect(line).ToHaveTextAsync("<script>alert(1)</script><img src=x onerror=alert(2)>", new() { Timeout = 10_000 });
        Assert.Equal(0, await line.Locator("script, img").CountAsync());
        Assert.Equal(0, await page.Locator(".log-viewport img, .log-viewport script").CountAsync());
        Assert.Equal(0, dialogs);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_hundred_thousand_lines_stay_in_the_view_with_few_rows_in_the_page()
    {
        await using var daemon = await DashboardDaemon.StartAsync();
        await daemon.ApplyAsync(Services.Web());
        await daemon.SkyAsync("service", "start", "web");
        await Engine.PrintFromAsync(daemon.Name("web"), "seq -w 1 100000 | sed 's/^/line /'");
        var (page, errors) = await browser.NewPageAsync();
        await BrowserFixture.OpenLiveAsync(page, errors, $"{daemon.Address}/#/service/web");
        await page.Locator("select[name=tail]").SelectOptionAsync("100000");

        await Expect(page.Locator(".log-count")).ToHaveTextAsync("100,000 lines", new() { Timeout = 30_000 });
        Assert.InRange(await page.Locator(".log-line").CountAsync(), 1, 200);
        await Expect(page.Locator(".log-text").Last).ToHaveTextAsync("line 100000");

        // Scrolled to the top, the first line is drawn (and following stops).
        await page.Locator(".log-viewport").EvaluateAsync("element => { element.scrollTop = 0; }");
        await Expect(page.Locator(".log-text").First).ToHaveTextAsync("line 000001");
        await Expect(page.Locator("input[name=follow]")).Not.ToBeCheckedAsync();
        Assert.InRange(await page.Locator(".log-line").CountAsync(), 1, 200);
    }

    /// <summary>The service page with its log following (the answer has started) before the test makes anything print.</summary>
    private async Task<(IPage Page, List<string> Errors)> OpenLogAsync(DashboardDaemon daemon)
    {
        var (page, errors) = await browser.NewPageAsync();
        var following = page.WaitForResponseAsync(response => response.Url.Contains("/api/v1/services/web/logs", StringComparison.Ordinal));
        await BrowserFixture.OpenLiveAsync(page, errors, $"{daemon.Address}/#/service/web");
        await following;
        await Expect(page.Locator("tr[data-container] td.health")).ToHaveTextAsync("healthy", new() { Timeout = 30_000 });
        return (page, errors);
    }
}
