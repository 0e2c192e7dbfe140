using static Microsoft.Playwright.Assertions;

namespace Sky.Dashboard.Tests.Views;

/// <summary>The alerts page: an incident with who was told, and its acknowledgement.</summary>
[Collection(SharedBrowser.Name)]
public sealed class AlertTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_failing_check_shows_as_an_open_alert_that_says_nobody_was_told_and_can_be_acknowledged()
    {
        await using var daemon = await DashboardDaemon.StartAsync();
        await daemon.ApplyAsync("""
            web:
              maintainer: { name: Jane Doe, email: jane@example.com }
              image: my-application
              version: 1.0-SNAPSHOT
              ports: [ 8080 ]
              restart: "no"
              checks:
                - http: /no-such-page
                  port: 8080
                  interval: 1s
                  retries: 1
            """);
        using var http = daemon.Http();
        (await http.PostAsync(new Uri("/api/v1/services/web/start", UriKind.Relative), null)).Dispose();
        var (page, errors) = await browser.NewPageAsync();
        await BrowserFixture.OpenLiveAsync(page, errors, $"{daemon.Address}/#/alerts");

        var alert = page.Locator("tr[data-alert]").First;
        await Expect(alert).ToHaveAttributeAsync("data-state", "open", new() { Timeout = 60_000 });
        await Expect(alert).ToContainTextAsync("web/default");
        await Expect(alert.Locator(".deliveries")).ToContainTextAsync("nobody was told", new() { Timeout = 30_000 });

        await alert.Locator("button[data-action=ack]").ClickAsync();

        await Expect(alert.Locator(".alert-state")).ToHaveTextAsync("acknowledged", new() { Timeout = 10_000 });
        await Expect(page.Locator(".action", new() { HasTextString = "acknowledge alert" })).ToHaveAttributeAsync("data-state", "done");
        Assert.Empty(errors);
    }
}
