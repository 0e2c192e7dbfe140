using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using static Sky.Runtime.DockerQuery;

namespace Sky.Runtime;

/// <summary>
/// Images: inspect, list, remove, tag, build from a tar archive, push and pull. The engine pulls only when told to,
/// and sky tells it to only for its own registry (<see cref="ImageSource"/>).
/// </summary>
internal sealed class EngineImages(DockerHttpClient client)
{
    // The engine wants credentials for a push even when the registry needs none: base64 of an empty JSON object.
    private const string NoCredentials = "e30=";

    public async Task<ImageInfo?> InspectImageAsync(string reference, CancellationToken cancellationToken)
    {
        using var answer = await client.GetJsonAsync($"/images/{Segment(reference)}/json", cancellationToken, notFoundIsNull: true);
        return answer is null ? null : EngineJsonMapper.ToImage(answer.RootElement);
    }

    public async Task<IReadOnlyList<ImageInfo>> ListImagesAsync(CancellationToken cancellationToken)
    {
        using var answer = await DockerRuntime.RequireJsonAsync(client.GetJsonAsync("/images/json", cancellationToken), "an image list");
        return answer.RootElement.ValueKind == JsonValueKind.Array
            ? answer.RootElement.EnumerateArray().Select(EngineJsonMapper.ToImage).ToList()
            : [];
    }

    /// <summary>Removes a tag (and the image when no other tag holds it). Removing an absent image is not an error.</summary>
    public async Task RemoveImageAsync(string reference, CancellationToken cancellationToken) =>
        await client.SendEmptyAsync(HttpMethod.Delete, $"/images/{Segment(reference)}", cancellationToken, HttpStatusCode.NotFound);

    public async Task TagImageAsync(string source, string target, CancellationToken cancellationToken)
    {
        var reference = ImageReference.Parse(target);
        await client.SendEmptyAsync(HttpMethod.Post, $"/images/{Segment(source)}/tag?repo={Segment(reference.Name)}&tag={Segment(reference.Tag ?? ImageReference.DefaultTag)}", cancellationToken);
    }

    /// <summary>
    /// Sends the archive to <c>POST /build</c> (the engine's classic builder) and relays its output. A failed step
    /// arrives as a line carrying an error, not as an HTTP error: it becomes <see cref="EngineException"/> with the
    /// engine's own words.
    /// </summary>
    public async Task<string> BuildImageAsync(Stream context, string tag, string? dockerfile, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var path = $"/build?t={Segment(tag)}&rm=1&forcerm=1" + (dockerfile is null ? string.Empty : $"&dockerfile={Segment(dockerfile)}");
        using var response = await client.SendAsync(
            HttpMethod.Post,
            path,
            () =>
            {
                var content = new StreamContent(context);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
                return content;
            },
            cancellationToken,
            HttpCompletionOption.ResponseHeadersRead);
        var end = await FollowProgressAsync(response, $"Building {tag} failed", progress, cancellationToken);
        return end.ImageId ?? (await InspectImageAsync(tag, cancellationToken))?.Id
            ?? throw new EngineException((int)HttpStatusCode.BadGateway, $"The Docker engine built {tag} but it is not on the engine.");
    }

    /// <summary>Pushes a tag to the registry its name is on; returns the digest the registry keeps it under.</summary>
    public async Task<string?> PushImageAsync(string reference, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var image = ImageReference.Parse(reference);
        using var response = await client.SendStreamingAsync(
            HttpMethod.Post,
            $"/images/{Segment(image.Name)}/push?tag={Segment(image.Tag ?? ImageReference.DefaultTag)}",
            null,
            RegistryAuth,
            cancellationToken);
        return (await FollowProgressAsync(response, $"Pushing {reference} failed", progress, cancellationToken)).Digest;
    }

    /// <summary>Pulls an image from the registry its name is on (<c>POST /images/create?fromImage=</c>).</summary>
    public async Task PullImageAsync(string reference, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var image = ImageReference.Parse(reference);
        var version = image.Digest is null ? $"tag={Segment(image.Tag ?? ImageReference.DefaultTag)}" : $"tag={Segment(image.Digest)}";
        using var response = await client.SendStreamingAsync(HttpMethod.Post, $"/images/create?fromImage={Segment(image.Name)}&{version}", null, RegistryAuth, cancellationToken);
        await FollowProgressAsync(response, $"Pulling {reference} failed", progress, cancellationToken);
    }

    private static void RegistryAuth(HttpRequestMessage request) => request.Headers.Add("X-Registry-Auth", NoCredentials);

    /// <summary>Relays the engine's progress lines until the stream ends; the first error line ends it as an exception.</summary>
    private async Task<EngineProgressLine> FollowProgressAsync(HttpResponseMessage response, string failure, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var end = new EngineProgressLine(null, null);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream);
        while (await client.ReadLineAsync(reader, cancellationToken) is { } json)
        {
            if (string.IsNullOrWhiteSpace(json))
            {
                continue;
            }

            var line = EngineProgressLine.Parse(json);
            if (line.Error is { } error)
            {
                throw new EngineException((int)HttpStatusCode.InternalServerError, $"{failure}: {error}");
            }

            if (line.Text is { } text)
            {
                progress?.Report(text);
            }

            end = end with { ImageId = line.ImageId ?? end.ImageId, Digest = line.Digest ?? end.Digest };
        }

        return end;
    }
}
