using System.Text.Json;

namespace Sky.Runtime;

/// <summary>
/// One line of the JSON message stream the engine answers builds, pulls and pushes with. The HTTP status is 200 as
/// soon as the work starts, so a failure arrives as a line carrying <c>errorDetail</c>: <see cref="Error"/>. A line for
/// people is <see cref="Text"/> (a build's output, or <c>6a247840fb3f: Pushed</c>); progress-bar updates have none,
/// since a terminal redraws them and a log would repeat them hundreds of times.
/// </summary>
public sealed record EngineProgressLine(string? Text, string? Error)
{
    /// <summary>The image id a build ends with (<c>aux.ID</c>).</summary>
    public string? ImageId { get; init; }

    /// <summary>The manifest digest a push ends with (<c>aux.Digest</c>).</summary>
    public string? Digest { get; init; }

    public static EngineProgressLine Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var item = document.RootElement;
        var error = (item.Child("errorDetail") ?? default).String("message") ?? item.String("error");
        var aux = item.Child("aux") ?? default;
        return new EngineProgressLine(TextOf(item), error?.Trim())
        {
            ImageId = aux.String("ID"),
            Digest = aux.String("Digest"),
        };
    }

    private static string? TextOf(JsonElement item)
    {
        if (item.String("stream") is { } stream)
        {
            var line = stream.TrimEnd('\r', '\n');
            return line.Length == 0 ? null : line;
        }

        var status = item.String("status");
        var detail = item.Child("progressDetail") ?? default;
        if (string.IsNullOrWhiteSpace(status) || detail.Int64("total") > 0 || detail.Int64("current") > 0)
        {
            return null;
        }

        return item.String("id") is { Length: > 0 } id ? $"{id}: {status}" : status;
    }
}
