using System.Runtime.CompilerServices;
using System.Text.Json;
using static Sky.Runtime.DockerQuery;

namespace Sky.Runtime;

/// <summary>The engine's event stream of containers, as long as it lasts.</summary>
internal sealed class EngineEvents(DockerHttpClient client)
{
    /// <summary>
    /// Container events carrying the labels, until cancelled. When the engine itself goes away the enumeration
    /// throws <see cref="EngineUnavailableException"/>; cancelling ends it with <see cref="OperationCanceledException"/>.
    /// </summary>
    public async IAsyncEnumerable<EngineEvent> GetEventsAsync(
        IReadOnlyDictionary<string, string?> labels,
        DateTimeOffset? since,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filters = Filters(new Dictionary<string, IReadOnlyList<string>>
        {
            ["type"] = ["container"],
            ["label"] = LabelTerms(labels),
        });
        var path = $"/events?filters={filters}" + (since is { } from ? "&since=" + DockerTimestamp.ToUnixSeconds(from) : string.Empty);
        using var response = await client.SendAsync(HttpMethod.Get, path, null, cancellationToken, HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream);
        while (await client.ReadLineAsync(reader, cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            EngineEvent engineEvent;
            using (var document = JsonDocument.Parse(line))
            {
                engineEvent = EngineJsonMapper.ToEvent(document.RootElement);
            }

            yield return engineEvent;
        }

        // The engine ended the stream without being asked to: it is going away.
        cancellationToken.ThrowIfCancellationRequested();
        throw client.Endpoint.Unavailable("the engine closed its event stream", "Check that the engine (dockerd) is still running.", null);
    }
}
