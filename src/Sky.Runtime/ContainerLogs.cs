using System.Runtime.CompilerServices;
using static Sky.Runtime.DockerQuery;

namespace Sky.Runtime;

/// <summary>
/// Reads a container's output: decoded into lines for <c>sky service logs</c>-style reading, or copied line by line
/// with the engine's timestamps for the log store, from the engine's json-file log on this machine's disk when it
/// keeps one, through the engine's API otherwise.
/// </summary>
internal sealed class ContainerLogs(DockerHttpClient client, Func<string, CancellationToken, Task<long>> waitStopped)
{
    public async IAsyncEnumerable<LogEntry> GetLogsAsync(string id, LogQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A terminal container's output is stored and sent raw, without the multiplexing frames: ask which it is.
        bool tty;
        using (var inspect = await DockerRuntime.RequireJsonAsync(client.GetJsonAsync($"/containers/{Segment(id)}/json", cancellationToken), "a container inspection"))
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
        using (var inspect = await DockerRuntime.RequireJsonAsync(client.GetJsonAsync($"/containers/{Segment(id)}/json", cancellationToken), "a container inspection"))
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
        var stopped = follow ? waitStopped(id, stop.Token) : Task.CompletedTask;
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

    private async ValueTask<MultiplexedFrame?> NextFrameAsync(MultiplexedStreamReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadFrameAsync(cancellationToken);
        }
        catch (Exception e) when (client.TranslateRead(e, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }
}
