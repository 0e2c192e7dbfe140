using System.Runtime.CompilerServices;
using System.Text.Json;
using static Sky.Runtime.DockerQuery;

namespace Sky.Runtime;

/// <summary>The long-lived streams: container logs and the engine's event stream.</summary>
public sealed partial class DockerRuntime
{
    public async IAsyncEnumerable<LogEntry> GetLogsAsync(string id, LogQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A terminal container's output is stored and sent raw, without the multiplexing frames: ask which it is.
        bool tty;
        using (var inspect = await RequireJsonAsync(client.GetJsonAsync($"/containers/{Segment(id)}/json", cancellationToken), "a container inspection"))
        {
            tty = EngineJsonMapper.IsTty(inspect.RootElement);
        }

        var path = $"/containers/{Segment(id)}/logs?stdout=1&stderr=1&follow={Flag(query.Follow)}&timestamps={Flag(query.Timestamps)}"
            + $"&tail={(query.Tail is { } tail ? Number(Math.Max(0, tail)) : "all")}"
            + (query.Since is { } since ? "&since=" + DockerTimestamp.ToUnixSeconds(since) : string.Empty);
        using var response = await client.SendAsync(HttpMethod.Get, path, null, cancellationToken, HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var reader = new MultiplexedStreamReader(stream, raw: tty);
        var splitter = new LogLineSplitter(query.Timestamps, framed: !tty);
        var lines = new List<LogEntry>();
        while (await NextFrameAsync(reader, cancellationToken) is { } frame)
        {
            splitter.Push(frame.Stream, frame.Payload.Span, lines);
            foreach (var line in lines)
            {
                yield return line;
            }

            lines.Clear();
        }

        splitter.Flush(lines);
        foreach (var line in lines)
        {
            yield return line;
        }
    }

    public async Task CopyLogLinesAsync(string id, DateTimeOffset? since, bool follow, ILogLineSink sink, CancellationToken cancellationToken)
    {
        bool tty;
        string? jsonFile;
        using (var inspect = await RequireJsonAsync(client.GetJsonAsync($"/containers/{Segment(id)}/json", cancellationToken), "a container inspection"))
        {
            tty = EngineJsonMapper.IsTty(inspect.RootElement);
            jsonFile = EngineJsonMapper.LocalJsonFileLog(inspect.RootElement);
        }

        if (jsonFile is not null && await TryCopyJsonFileAsync(id, jsonFile, since, follow, sink, cancellationToken))
        {
            return;
        }

        var path = $"/containers/{Segment(id)}/logs?stdout=1&stderr=1&timestamps=1&follow={Flag(follow)}"
            + (since is { } from ? "&since=" + DockerTimestamp.ToUnixSeconds(from) : string.Empty);
        using var response = await client.SendAsync(HttpMethod.Get, path, null, cancellationToken, HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);

        // A frame is a line: reading headers and lines straight from the response costs an async read each, which
        // held a flooding container to a few thousand lines a second (the engine waits for its followers).
        await using var buffered = new BufferedStream(stream, 1 << 16);
        var reader = new MultiplexedStreamReader(buffered, raw: tty);
        var joiner = new RawLogLineJoiner(sink, framed: !tty);
        while (await NextFrameAsync(reader, cancellationToken) is { } frame)
        {
            joiner.Push(frame.Stream, frame.Payload.Span);
        }

        joiner.Flush();
    }

    /// <summary>
    /// Reads the engine's json-file log of the container from this machine's disk; false when it cannot be opened (an
    /// engine on another host, no permission), and the caller reads through the API instead.
    /// </summary>
    private async Task<bool> TryCopyJsonFileAsync(string id, string path, DateTimeOffset? since, bool follow, ILogLineSink sink, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stopped = follow ? WaitContainerAsync(id, stop.Token) : Task.CompletedTask;
        try
        {
            await JsonFileLog.CopyAsync(path, since, follow, stopped, sink, TimeProvider.System, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return false;
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await stopped;
            }
            catch (Exception)
            {
                // Cancelled, or the engine went away: either way the reading is over.
            }
        }
    }

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

    private async ValueTask<MultiplexedFrame?> NextFrameAsync(MultiplexedStreamReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadFrameAsync(cancellationToken);
        }
        catch (Exception e) when (Rethrowable(e, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    private async ValueTask<string?> NextLineAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(cancellationToken);
        }
        catch (Exception e) when (Rethrowable(e, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>
    /// What a failed read of a stream becomes: once cancelled, whatever the read threw (a closed connection, a
    /// disposed stream) is a cancellation; otherwise a lost connection means the engine is unavailable.
    /// </summary>
    private Exception? Rethrowable(Exception e, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return e is OperationCanceledException ? null : new OperationCanceledException("Cancelled.", e, cancellationToken);
        }

        return client.Translate(e, cancellationToken);
    }
}
