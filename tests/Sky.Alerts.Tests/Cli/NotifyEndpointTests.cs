using System.Net;
using System.Net.Http.Json;
using System.Text;
using Sky.Api.Settings;
using Sky.Contracts;
using Sky.Testing.Peers;

namespace Sky.Alerts.Tests.Cli;

/// <summary><c>POST /api/v1/notify</c>: a request that cannot be sent as asked is refused whole, with a sentence.</summary>
public sealed class NotifyEndpointTests
{
    [Theory]
    [InlineData("""{"subject":"done","text":"x"}""", "say where to send it: email, webhook or both")]
    [InlineData("""{"email":"jane@example.com","webhook":"{WEBHOOK}","subject":"","text":"x"}""", "subject must be one line of 1 to 500 characters")]
    [InlineData("""{"email":"jane","webhook":"{WEBHOOK}","subject":"done"}""", "'jane' is not an e-mail address")]
    [InlineData("""{"email":"jane@example.com","webhook":"ftp://example.com/x","subject":"done"}""", "'ftp://example.com/x' is not an http or https URL")]
    [InlineData("""{"email":"jane@example.com","webhook":"{WEBHOOK}","subject":""", "the request body is not the JSON")]
    public async Task A_bad_request_gets_a_clear_400_and_sends_nothing(string body, string error)
    {
        await using var sink = await SmtpSink.StartAsync();
        using var webhook = new WebhookReceiver();
        await using var daemon = await AlertDaemon.StartAsync(new DaemonSettings { Smtp = new SmtpSettings { Host = "127.0.0.1", Port = sink.Port, Sender = "sky@example.com" } });
        using var http = new HttpClient();

        using var response = await http.PostAsync(
            $"{daemon.Address}/api/v1/notify", new StringContent(body.Replace("{WEBHOOK}", webhook.Url, StringComparison.Ordinal), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(error, (await response.Content.ReadFromJsonAsync(SkyJson.Info<ApiError>()))!.Error, StringComparison.Ordinal);
        await Task.Delay(1000);
        Assert.Equal(0, webhook.Requests);
        Assert.Empty(sink.Messages());
    }

    [Fact]
    public async Task A_good_request_is_queued_and_delivered_to_both_channels()
    {
        await using var sink = await SmtpSink.StartAsync();
        using var webhook = new WebhookReceiver();
        await using var daemon = await AlertDaemon.StartAsync(new DaemonSettings { Smtp = new SmtpSettings { Host = "127.0.0.1", Port = sink.Port, Sender = "sky@example.com" } });
        using var http = new HttpClient();

        using var response = await http.PostAsJsonAsync($"{daemon.Address}/api/v1/notify", new NotifyRequest("jane@example.com", webhook.Url, "[sky] nightly export finished", "all good"), SkyJson.Info<NotifyRequest>());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync(SkyJson.Info<NotifyAnswer>()))!;
        Assert.Equal(["email jane@example.com", $"webhook {new Uri(webhook.Url).GetLeftPart(UriPartial.Authority)}/…"], answer.Queued);
        Assert.Equal("[sky] nightly export finished", (await sink.WaitForAsync(_ => true, "the e-mail")).Subject);
        Assert.Equal("[sky] nightly export finished", (string?)(await webhook.WaitForAsync(_ => true, "the webhook post"))["text"]);
    }
}
