using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sky.Supervisor.Health;

/// <summary>
/// One HTTP check's request: <c>GET path</c> to a port on 127.0.0.1 (<c>Connection: close</c>), and the status code of
/// the answer. A thin client of its own because the check wants only the status line, and it must run in blocking
/// calls on a <see cref="ProbeThreads"/> thread (HttpClient only awaits): <see cref="Send"/> there, then
/// <see cref="TryTakeStatus"/> each time the thread's poll finds the socket readable, then
/// <see cref="ReadStatusAsync"/> for an answer slower than the thread waits.
/// </summary>
internal sealed class HttpCheckCall : IDisposable
{
    /// <summary>The longest status line read: the size of the buffer a call is given.</summary>
    internal const int MaxStatusLine = 1024;

    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private readonly byte[] buffer;
    private int received;

    private HttpCheckCall(long startedAt, byte[] buffer)
    {
        StartedAt = startedAt;
        this.buffer = buffer;
    }

    /// <summary>The socket the answer comes on.</summary>
    public Socket Socket => socket;

    /// <summary>When the call began (a <see cref="Stopwatch"/> timestamp).</summary>
    public long StartedAt { get; }

    /// <summary>
    /// Connects and sends <paramref name="request"/> (<see cref="Request"/>), blocking at most <paramref name="timeout"/>
    /// (on loopback a connection is made at once unless the listener's queue is full); throws
    /// <see cref="SocketException"/> when it cannot. The answer is read into <paramref name="buffer"/>
    /// (<see cref="MaxStatusLine"/> bytes), which the caller keeps from call to call.
    /// </summary>
    public static HttpCheckCall Send(int port, byte[] request, TimeSpan timeout, byte[] buffer)
    {
        var call = new HttpCheckCall(Stopwatch.GetTimestamp(), buffer);
        try
        {
            // Bounds a blocking connect on Linux (SO_SNDTIMEO), and the send of a request that fits any buffer.
            call.socket.SendTimeout = Math.Max(1, (int)timeout.TotalMilliseconds);
            call.socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
            call.socket.Send(request);
            return call;
        }
        catch
        {
            call.Dispose();
            throw;
        }
    }

    /// <summary>Takes what came (the socket is readable): true with the status code once its line is whole.</summary>
    public bool TryTakeStatus(out int status)
    {
        Take(socket.Receive(buffer.AsSpan(received)));
        status = Status() ?? 0;
        return status != 0;
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

    /// <summary>The request a check sends to <paramref name="port"/> for <paramref name="path"/> (escaped: <see cref="CheckProber.RequestTarget"/>).</summary>
    internal static byte[] Request(int port, string path) =>
        Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}\r\nUser-Agent: sky-check\r\nAccept: */*\r\nConnection: close\r\n\r\n");

    private static string Printable(ReadOnlySpan<byte> line)
    {
        var text = Encoding.ASCII.GetString(line[..Math.Min(line.Length, 40)]);
        return new string(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());
    }
}
