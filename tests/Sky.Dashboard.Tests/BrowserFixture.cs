using Microsoft.Playwright;

namespace Sky.Dashboard.Tests;

/// <summary>
/// One Debian chromium for the dashboard's tests, driven by Playwright through its ExecutablePath (no browser download:
/// none is reachable here). Each test gets a fresh context (no cookies, no storage of another test).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>Where the tests leave their screenshots: beside the test output.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("SKY_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumFlags,
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A page in a context of its own, 1400×900, with every console error and uncaught exception collected.</summary>
    public async Task<(IPage Page, List<string> Errors)> NewPageAsync()
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return (page, errors);
    }

    /// <summary>
    /// Opens the page and waits until it is live. Docker adding a network or a container's interface on this machine
    /// (another test starting containers) makes Chromium abort the loads in flight with ERR_NETWORK_CHANGED, and the
    /// page's scripts never run: a person would reload, and so does this, once.
    /// </summary>
    public static async Task OpenLiveAsync(IPage page, List<string> errors, string address)
    {
        await page.GotoAsync(address);
        try
        {
            await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException && errors.Any(error => error.Contains("ERR_NETWORK_CHANGED", StringComparison.Ordinal)))
        {
            errors.Clear();
            await page.ReloadAsync();
        }
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = false });

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
    }
}
