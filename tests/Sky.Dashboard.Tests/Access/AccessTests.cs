using System.Net;
using Microsoft.Playwright;
using Sky.Testing;
using static Microsoft.Playwright.Assertions;

namespace Sky.Dashboard.Tests.Access;

/// <summary>Who may use the page and the API: anyone on loopback; beyond it, whoever has the data folder's token.</summary>
[Collection(SharedBrowser.Name)]
public sealed class AccessTests(BrowserFixture browser)
{
    [Fact]
    public async Task On_loopback_the_page_and_the_api_need_no_token()
    {
        await using var daemon = await DashboardDaemon.StartAsync("127.0.0.1");
        using var http = daemon.Http();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/api/v1/overview", UriKind.Relative))).StatusCode);
        var (page, _) = await browser.NewPageAsync();
        await page.GotoAsync(daemon.Address + "/");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Services");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-live", "true");
        Assert.Equal(HttpStatusCode.Redirect, (await http.GetAsync(new Uri("/login", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Beyond_loopback_the_api_takes_the_token_as_a_bearer_and_refuses_without_it()
    {
        await using var daemon = await DashboardDaemon.StartAsync("0.0.0.0");
        using var anonymous = daemon.Http();
        using var holder = daemon.Http(withToken: true);

        var refused = await anonymous.GetAsync(new Uri("/api/v1/overview", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("sky token", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/v1/overview") { Headers = { { "Authorization", "Bearer " + new string('x', 43) } } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(wrong)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await holder.GetAsync(new Uri("/api/v1/overview", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Beyond_loopback_the_page_asks_for_the_token_and_its_login_sets_a_strict_http_only_cookie()
    {
        await using var daemon = await DashboardDaemon.StartAsync("0.0.0.0");
        var (page, _) = await browser.NewPageAsync();

        await page.GotoAsync(daemon.Address + "/");
        Assert.EndsWith("/login", page.Url, StringComparison.Ordinal);
        await page.Locator("input[name=token]").FillAsync("not-the-token-but-long-enough-to-look-like-one");
        await page.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator("#refused")).ToBeVisibleAsync();

        await page.Locator("input[name=token]").FillAsync(daemon.Token);
        await page.Locator("button[type=submit]").ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Services");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-live", "true");
        var cookie = Assert.Single(await page.Context.CookiesAsync());
        Assert.Equal("sky_session", cookie.Name);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.NotEqual(daemon.Token, cookie.Value);
    }

    [Fact]
    public async Task An_action_sent_from_another_site_is_refused_and_changes_nothing()
    {
        await using var daemon = await DashboardDaemon.StartAsync();
        await daemon.ApplyAsync(Services.Web());
        await daemon.SkyAsync("service", "start", "web");
        using var http = daemon.Http();

        using var forged = new HttpRequestMessage(HttpMethod.Post, "/api/v1/services/web/stop") { Headers = { { "Origin", "http://evil.example" } } };
        var answer = await http.SendAsync(forged);
        using var sameSite = new HttpRequestMessage(HttpMethod.Post, "/api/v1/services/web/stop") { Headers = { { "Sec-Fetch-Site", "same-site" } } };
        var fromRoutedApp = await http.SendAsync(sameSite);
        using var rebound = new HttpRequestMessage(HttpMethod.Get, "/api/v1/overview") { Headers = { { "Host", "evil.example" } } };
        var rebinding = await http.SendAsync(rebound);

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, fromRoutedApp.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, rebinding.StatusCode);
        Assert.Equal("running", (await ProgramRun.CheckedAsync("docker", "inspect", "--format", "{{.State.Status}}", daemon.Name("web"))).Trim());
    }

    [Fact]
    public async Task The_cli_finds_the_token_by_itself_and_sky_token_prints_it()
    {
        await using var daemon = await DashboardDaemon.StartAsync("0.0.0.0");
        var sky = Path.Combine(AppContext.BaseDirectory, "sky.dll");

        var printed = await RunAsync(sky, daemon, "token");
        var version = await RunAsync(sky, daemon, "version");

        Assert.Equal(daemon.Token, printed.Trim());
        Assert.Contains($"daemon: 0.1.0 at {daemon.Address}", version, StringComparison.Ordinal);
    }

    /// <summary>The CLI as a process of its own, told only where the daemon and its data folder are.</summary>
    private static async Task<string> RunAsync(string sky, DashboardDaemon daemon, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(sky);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["SKY_ADDR"] = daemon.Address;
        start.Environment["SKY_DATA_DIR"] = daemon.DataDirectory;
        start.Environment.Remove("SKY_TOKEN");
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"sky {string.Join(' ', args)}: exit {process.ExitCode}\n{output}\n{error}");
    }
}
