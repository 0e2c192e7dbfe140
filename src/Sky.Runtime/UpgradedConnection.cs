using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Sky.Runtime;

/// <summary>
/// A connection the engine hands over to a container's stdin and output (<c>Upgrade: tcp</c>, answer 101).
/// HttpClient cannot give back the raw socket after an upgrade, so the request is written by hand on a socket
/// opened here, the answer's headers are read byte by byte (never past the blank line), and the socket stream is
/// returned as it is.
/// </summary>
internal static class UpgradedConnection
{
    private const int MaxHeaderBytes = 64 * 1024;

    public static async Task<Stream> OpenAsync(DockerEndpoint endpoint, string method, string pathAndQuery, CancellationToken cancellationToken)
    {
        var socket = await endpoint.ConnectAsync(cancellationToken);
        var stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            var host = endpoint.BaseAddress.Authority;
            var request = $"{method} {pathAndQuery} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: sky\r\nContent-Type: text/plain\r\nContent-Length: 0\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request), cancellationToken);
            await stream.FlushAsync(cancellationToken);

            var head = await ReadHeadAsync(stream, cancellationToken);
            var statusLine = head.Split("\r\n", 2)[0];
            var status = ParseStatus(statusLine);
            if (status == 101)
            {
                return stream;
            }

            // Not upgraded: the engine refused (404 unknown container, 409 not running...). Its JSON message follows.
            var message = await ReadErrorBodyAsync(stream, head, cancellationToken);
            throw new EngineException(status, $"The Docker engine refused the request ({status}): {message}");
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            await stream.DisposeAsync();
            throw endpoint.Unavailable("the connection failed (" + e.Message + ")", "Check that the engine (dockerd) is running.", e);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    private static async Task<string> ReadHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>(512);
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (head.Count >= MaxHeaderBytes)
            {
                throw new IOException("the engine's answer has no end of headers");
            }

            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                throw new IOException("the engine closed the connection before answering");
            }

            head.Add(one[0]);
        }

        return Encoding.ASCII.GetString(head.ToArray());
    }

    private static bool EndsWithBlankLine(List<byte> head) =>
        head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';

    private static int ParseStatus(string statusLine)
    {
        var parts = statusLine.Split(' ', 3);
        return parts.Length >= 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status)
            ? status
            : throw new IOException($"the engine answered something that is not HTTP: '{statusLine}'");
    }

    private static async Task<string> ReadErrorBodyAsync(Stream stream, string head, CancellationToken cancellationToken)
    {
        var length = head.Split("\r\n")
            .Select(h => h.Split(':', 2))
            .Where(h => h.Length == 2 && h[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(h => int.TryParse(h[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .FirstOrDefault();
        var body = new byte[Math.Clamp(length, 0, MaxHeaderBytes)];
        var filled = 0;
        while (filled < body.Length)
        {
            var read = await stream.ReadAsync(body.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        var text = Encoding.UTF8.GetString(body, 0, filled).Trim();
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.String("message") ?? text;
        }
        catch (JsonException)
        {
            return text.Length > 0 ? text : "no message";
        }
    }
}
