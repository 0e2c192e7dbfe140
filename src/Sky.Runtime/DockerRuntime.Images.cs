using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using static Sky.Runtime.DockerQuery;

namespace Sky.Runtime;

/// <summary>Local images: inspect, list, remove, and build from a folder. Nothing is ever pulled.</summary>
public sealed partial class DockerRuntime
{
    public async Task<ImageInfo?> InspectImageAsync(string reference, CancellationToken cancellationToken)
    {
        using var answer = await client.GetJsonAsync($"/images/{Segment(reference)}/json", cancellationToken, notFoundIsNull: true);
        return answer is null ? null : EngineJsonMapper.ToImage(answer.RootElement);
    }

    public async Task<IReadOnlyList<ImageInfo>> ListImagesAsync(CancellationToken cancellationToken)
    {
        using var answer = await RequireJsonAsync(client.GetJsonAsync("/images/json", cancellationToken), "an image list");
        return answer.RootElement.ValueKind == JsonValueKind.Array
            ? answer.RootElement.EnumerateArray().Select(EngineJsonMapper.ToImage).ToList()
            : [];
    }

    /// <summary>Removes a tag (and the image when no other tag holds it). Removing an absent image is not an error.</summary>
    public async Task RemoveImageAsync(string reference, CancellationToken cancellationToken) =>
        await client.SendEmptyAsync(HttpMethod.Delete, $"/images/{Segment(reference)}", cancellationToken, HttpStatusCode.NotFound);

    /// <summary>
    /// Sends the folder as a tar archive to <c>POST /build</c> (the engine's classic builder) and relays its
    /// progress lines. A failed step arrives as a progress line carrying <c>error</c>, not as an HTTP error.
    /// </summary>
    public async Task BuildImageAsync(string contextFolder, string tag, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        await using var archive = await BuildContext.PackAsync(contextFolder, cancellationToken);
        using var response = await client.SendAsync(
            HttpMethod.Post,
            $"/build?t={Segment(tag)}&rm=1&forcerm=1",
            () =>
            {
                var content = new StreamContent(archive);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
                return content;
            },
            cancellationToken,
            HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream);
        while (await NextLineAsync(reader, cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var item = document.RootElement;
            var error = (item.Child("errorDetail") ?? default).String("message") ?? item.String("error");
            if (error is not null)
            {
                throw new EngineException((int)HttpStatusCode.InternalServerError, $"Building {tag} failed: {error.Trim()}");
            }

            var text = item.String("stream") ?? item.String("status");
            if (progress is not null && !string.IsNullOrWhiteSpace(text))
            {
                progress.Report(text.TrimEnd('\r', '\n'));
            }
        }
    }
}
