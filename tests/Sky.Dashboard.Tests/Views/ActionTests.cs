using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Sky.Dashboard.Tests.Views;

/// <summary>Every action clicked end to end, checked against the engine: the page asks first where it destroys, and shows how it went.</summary>
[Collection(SharedBrowser.Name)]
public sealed class ActionTests(BrowserFixture browser)
{
    [Fact]
    public async Task Restart_asks_first_then_starts_the_service_again()
    {
        await using var daemon = await DashboardDaemon.StartAsync();
        await daemon.ApplyAsync(Services.Web());
        await daemon.SkyAsync("service", "start", "web");
        var before = await Engine.StartedAtAsync(daemon.Name("web"));
        var (page, errors) = await OpenServiceAsync(daemon);

        await page.Locator(".status > p button[data-action=restart]").ClickAsync();
        await Expect(page.Locator("dialog#confirm")).ToBeVisibleAsync();
        await Expect(page.Locator("dialog#confirm .question")).ToHaveTextAsync("Restart web?");
        await page.Locator("dialog#confirm button[value=yes]").ClickAsync();

        var action = page.Locator(".action[data-action='restart web']");
        await Expect(action).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 60_000 });
        await Expect(action.Locator(".progress")).ToContainTextAsync("plan:");
        Assert.NotEqual(before, await Engine.StartedAtAsync(daemon.Name("web")));
        await Expect(page.Locator($"tr[data-container='{daemon.Name("web")}'] td.health")).ToHaveTextAsync("healthy", new() { Timeout = 30_000 });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_stop_cancelled_in_its_dialog_stops_nothing()
    {
        await using var daemon = await DashboardDaemon.StartAsync();
        await daemon.ApplyAsync(Services.Web());
        await daemon.SkyAsync("service", "start", "web");
        var (page, _) = await OpenServiceAsync(daemon);

        await page.Locator(".status > p button[data-action=stop]").ClickAsync();
        await page.Locator("dialog#confirm button[value=no]").ClickAsync();

        await Expect(page.Locator("dialog#confirm")).Not.ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator(".action").CountAsync());
        Assert.Equal("running", (await Sky.Testing.ProgramRun.CheckedAsync("docker", "inspect", "--format", "{{.State.Status}}", daemon.Name("web"))).Trim());
    }

    [Fact]
    public async Task A_failed_start_says_why()
    {
        await using var daemon = await DashboardDaemon.StartAsync();
        await daemon.ApplyAsync(Services.Web(version: "9.9-missing"));
        var (page, errors) = await browser.NewPageAsync();
        await BrowserFixture.OpenLiveAsync(page, errors, $"{daemon.Address}/#/service/web");

        await page.Locator(".status > p button[data-action=start]").ClickAsync();

        var action = page.Locator(".action[data-action='start web']");
        await Expect(action).ToHaveAttributeAsync("data-state", "failed", new() { Timeout = 30_000 });
        await Expect(action.Locator(".status")).ToContainTextAsync("my-application:9.9-missing");
    }

    [Fact]
    public async Task Rollback_to_an_earlier_revision_returns_the_version()
    {
        await using var daemon = await DashboardDaemon.StartAsync();
        await daemon.ApplyAsync(Services.Web("1.0-SNAPSHOT"));
        await daemon.SkyAsync("service", "start", "web");
        await daemon.ApplyAsync(Services.Web("1.1-dev"));
        await UntilAsync(async () => await Engine.ImageAsync(daemon.Name("web")) == "my-application:1.1-dev");
        var (page, errors) = await OpenServiceAsync(daemon);

        await page.Locator(".tabs button[data-tab=revisions]").ClickAsync();
        var first = page.Locator(".revisions li[data-revision='1']");
        await Expect(page.Locator(".revisions li[data-revision='2'] pre.diff")).ToContainTextAsync("1.0-SNAPSHOT");
        await first.Locator("button[data-action=rollback]").ClickAsync();
        await page.Locator("dialog#confirm button[value=yes]").ClickAsync();

        await Expect(page.Locator(".action[data-action='roll back web to revision 1']")).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 60_000 });
        await UntilAsync(async () => await Engine.ImageAsync(daemon.Name("web")) == "my-application:1.0-SNAPSHOT");
        await Expect(page.Locator($"tr[data-container='{daemon.Name("web")}'] td", new() { HasTextString = "my-application:1.0-SNAPSHOT" })).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(page.Locator(".revisions li[data-revision='3']")).ToContainTextAsync("rollback");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Run_now_records_a_run_with_its_exit_code_and_output()
    {
        await using var daemon = await DashboardDaemon.StartAsync();
        await daemon.ApplyAsync("""
            nightly:
              image: base:0.7
              command: echo "nightly report done"
              every: 1 day at 17:00
            """);
        var (page, errors) = await browser.NewPageAsync();
        await BrowserFixture.OpenLiveAsync(page, errors, $"{daemon.Address}/#/jobs");

        await page.Locator("tr[data-job=nightly] button[data-action=run-now]").ClickAsync();

        await Expect(page.Locator(".action[data-action='run nightly now'] .status")).ToHaveTextAsync("run 1 started", new() { Timeout = 30_000 });
        var run = page.Locator(".runs tr[data-run='1']");
        await Expect(run).ToHaveAttributeAsync("data-state", "succeeded", new() { Timeout = 30_000 });
        await Expect(run.Locator("td").Nth(5)).ToHaveTextAsync("0");
        await run.Locator("button", new() { HasTextString = "output" }).ClickAsync();
        await Expect(page.Locator("pre.run-output")).ToContainTextAsync("nightly report done");
        await Expect(page.Locator("tr[data-job=nightly] td").Nth(6)).ToHaveTextAsync("succeeded");
        Assert.Empty(errors);
    }

    private async Task<(IPage Page, List<string> Errors)> OpenServiceAsync(DashboardDaemon daemon)
    {
        var (page, errors) = await browser.NewPageAsync();
        await BrowserFixture.OpenLiveAsync(page, errors, $"{daemon.Address}/#/service/web");
        await Expect(page.Locator($"tr[data-container='{daemon.Name("web")}'] td.health")).ToHaveTextAsync("healthy", new() { Timeout = 30_000 });
        return (page, errors);
    }

    private static Task<bool> UntilAsync(Func<Task<bool>> condition) =>
        Sky.Testing.Eventually.WaitForAsync(condition, done => done, TimeSpan.FromSeconds(60), "the engine to show it");
}
