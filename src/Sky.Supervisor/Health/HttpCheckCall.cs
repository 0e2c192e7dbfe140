using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sky.Supervisor.Health;

/// <summary>
/// One HTTP check's request: <c>GET path</c> to a port on 127.0.0.1 (<c>Connection: close</c>), and the status code of
/// the answer. A thin client of its own because the check wants only the status line, and it must run in blocking
/// calls on a <see cref="ProbeThreads"/> thread (HttpClient only awaits): <see cref="Send"/> and <see cref="TryReadStatus"/>
/// there, bounded, then <see cref="ReadStatusAsync"/> for an answer slower than that.
/// </summary>
internal sealed class HttpCheckCall : IDisposable
{
    private const int MaxStatusLine = 1024;

    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private readonly byte[] buffer = new byte[MaxStatusLine];
    private int received;

    private HttpCheckCall(long startedAt) => StartedAt = startedAt;

    /// <summary>When the call began (a <see cref="Stopwatch"/> timestamp).</summary>
    public long StartedAt { get; }

    /// <summary>
    /// Connects and sends the request, blocking at most <paramref name="timeout"/> (on loopback a connection is made
    /// at once unless the listener's queue is full); throws <see cref="SocketException"/> when it cannot.
    /// </summary>
    public static HttpCheckCall Send(int port, string path, TimeSpan timeout)
    {
        var call = new HttpCheckCall(Stopwatch.GetTimestamp());
        try
        {
            // Bounds a blocking connect on Linux (SO_SNDTIMEO), and the send of a request that fits any buffer.
            call.socket.SendTimeout = Math.Max(1, (int)timeout.TotalMilliseconds);
            call.socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
            call.socket.Send(Request(port, path));
            return call;
        }
        catch
        {
            call.Dispose();
            throw;
        }
    }

    /// <summary>The status code, if the status line comes within <paramref name="wait"/>; false when it has not yet.</summary>
    public bool TryReadStatus(TimeSpan wait, out int status)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(wait.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            if (Status() is { } known)
            {
                status = known;
                return true;
            }

            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (left <= TimeSpan.Zero || !socket.Poll((int)left.TotalMicroseconds, SelectMode.SelectRead))
            {
                status = 0;
                return false;
            }

            Take(socket.Receive(buffer.AsSpan(received)));
        }
    }

    /// <summary>Waits for the status line asynchronously (the answer was slower than the probe thread waits).</summary>
    public async Task<int> ReadStatusAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (Status() is { } known)
            {
                return known;
            }

            Take(await socket.ReceiveAsync(buffer.AsMemory(received), SocketFlags.None, cancellationToken));
        }
    }

    public void Dispose() => socket.Dispose();

    /// <summary>Parses <c>HTTP/1.x NNN reason</c> once its line is complete; null until then.</summary>
    internal static int? ParseStatus(ReadOnlySpan<byte> head)
    {
        var end = head.IndexOf("\r\n"u8);
        if (end < 0)
        {
            return head.Length >= MaxStatusLine ? throw new IOException("the answer's first line is too long for HTTP") : null;
        }

        // HTTP/1.1 SP three digits, then SP and a reason or the end of the line.
        var line = head[..end];
        var space = line.IndexOf((byte)' ');
        var status = 0;
        var valid = line.StartsWith("HTTP/"u8) && space > 0 && line.Length >= space + 4
            && int.TryParse(line.Slice(space + 1, 3), NumberStyles.None, CultureInfo.InvariantCulture, out status) && status >= 100
            && (line.Length == space + 4 || line[space + 4] == (byte)' ');
        if (!valid)
        {
            throw new IOException($"the answer is not HTTP: {Printable(line)}");
        }

        return status;
    }

    private int? Status() => ParseStatus(buffer.AsSpan(0, received));

    private void Take(int count)
    {
        if (count == 0)
        {
            throw new IOException(received == 0 ? "the connection closed without an answer" : "the connection closed in the middle of the status line");
        }

        received += count;
    }

    private static byte[] Request(int port, string path) =>
        Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}\r\nUser-Agent: sky-check\r\nAccept: */*\r\nConnection: close\r\n\r\n");

    private static string Printable(ReadOnlySpan<byte> line)
    {
        var text = Encoding.ASCII.GetString(line[..Math.Min(line.Length, 40)]);
        return new string(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());
    }
}
