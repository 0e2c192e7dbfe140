using System.Runtime.CompilerServices;
using System.Text.Json;
using static Sky.Runtime.DockerQuery;

namespace Sky.Runtime;

/// <summary>The long-lived streams: container logs (read by <see cref="ContainerLogs"/>) and the engine's event stream.</summary>
public sealed partial class DockerRuntime
{
    public IAsyncEnumerable<LogEntry> GetLogsAsync(string id, LogQuery query, CancellationToken cancellationToken) =>
        logs.GetLogsAsync(id, query, cancellationToken);

    public Task CopyLogLinesAsync(string id, DateTimeOffset? since, bool follow, ILogLineSink sink, CancellationToken cancellationToken) =>
        logs.CopyLogLinesAsync(id, since, follow, sink, cancellationToken);

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
        while (await NextLineAsync(reader, cancellationToken) is { } line)
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
        throw Endpoint.Unavailable("the engine closed its event stream", "Check that the engine (dockerd) is still running.", null);
    }

    private async ValueTask<string?> NextLineAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(cancellationToken);
        }
        catch (Exception e) when (client.TranslateRead(e, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }
}
