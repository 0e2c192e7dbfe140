using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Sky.Alerts;

/// <summary>
/// Posts Slack-compatible JSON (<c>text</c>, plus an attachment with coloured fields) to a webhook URL. Any answer other
/// than 2xx counts as a failure, so the dispatcher tries again.
/// </summary>
public sealed class WebhookChannel(HttpClient http) : IAlertChannel
{
    public string Name => "webhook";

    /// <summary><c>https://hooks.example.com/…</c>: Slack-style URLs carry their token in the path.</summary>
    public string Describe(string target) =>
        Uri.TryCreate(target, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Authority}/…" : "(a webhook)";

    public static JsonObject Payload(AlertMessage message)
    {
        var fields = new JsonArray();
        foreach (var (title, value) in message.Fields)
        {
            // As a JsonNode: Add<T> of a JsonObject would make a JsonValue through reflection, which native AOT has not.
            fields.Add((JsonNode)new JsonObject { ["title"] = title, ["value"] = value, ["short"] = value.Length <= 40 });
        }

        var details = message.Body.Split("\n\n", 2)[0];
        return new JsonObject
        {
            ["text"] = message.Subject,
            ["attachments"] = new JsonArray(
                new JsonObject
                {
                    ["color"] = message.Color,
                    ["fallback"] = message.Subject,
                    ["text"] = details,
                    ["fields"] = fields,
                }),
        };
    }

    public async Task SendAsync(string target, AlertMessage message, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(new Uri(target), Payload(message), WebhookJsonContext.Default.JsonObject, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"the webhook answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        }
    }
}
