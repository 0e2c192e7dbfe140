using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Sky.Testing.Peers;

/// <summary>
/// A GELF receiver on a loopback port, as strict as Graylog's input: over UDP it reassembles chunked messages and
/// decompresses gzip or zlib (see <see cref="GelfChunkAssembly"/> and <see cref="GelfPayload"/>); over TCP it reads
/// uncompressed JSON messages each ended by a null byte. Whatever it cannot read goes to <see cref="Problems"/>, which
/// a test expects empty. To take a target down and bring it back, dispose the receiver and start another on its port.
/// </summary>
public sealed class GelfReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedGelf> received = new();
    private readonly ConcurrentQueue<string> problems = new();
    private readonly ConcurrentBag<Socket> connections = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Socket listener;
    private readonly GelfChunkAssembly chunks = new();
    private readonly Task serving;

    private GelfReceiver(Socket listener, bool udp)
    {
        this.listener = listener;
        Port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        serving = udp ? ReceiveDatagramsAsync() : AcceptConnectionsAsync();
    }

    public int Port { get; }

    public IReadOnlyList<ReceivedGelf> Messages => received.ToList();

    /// <summary>Datagrams or frames that were not valid GELF, and chunked messages still missing chunks.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            var incomplete = chunks.Incomplete;
            return incomplete == 0 ? problems.ToList() : [.. problems, $"{incomplete} chunked message(s) missing chunks"];
        }
    }

    /// <summary>Listens for GELF datagrams on <paramref name="port"/>, or on a free port.</summary>
    public static GelfReceiver StartUdp(int? port = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, port ?? FreePort.Next()));
        return new GelfReceiver(socket, udp: true);
    }

    /// <summary>Accepts GELF connections on <paramref name="port"/>, or on a free port.</summary>
    public static GelfReceiver StartTcp(int? port = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, port ?? FreePort.Next()));
        socket.Listen();
        return new GelfReceiver(socket, udp: false);
    }

    public Task<ReceivedGelf> WaitForAsync(Func<ReceivedGelf, bool> match, string what) =>
        Eventually.GetAsync(() => received.FirstOrDefault(match), TimeSpan.FromSeconds(15), what);

    /// <summary>The first <paramref name="count"/> messages, once that many have come.</summary>
    public Task<IReadOnlyList<ReceivedGelf>> WaitForCountAsync(int count, string what) =>
        Eventually.GetAsync<IReadOnlyList<ReceivedGelf>>(() => received.Count >= count ? received.Take(count).ToList() : null, TimeSpan.FromSeconds(15), what);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Dispose();
        foreach (var connection in connections)
        {
            // Shut down first: its FIN reaches the sender before this returns, so lines offered after it never go into
            // the old connection (the close of a socket with a read still pending may come later).
            try
            {
                connection.Shutdown(SocketShutdown.Both);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
            }

            connection.Dispose();
        }

        try
        {
            await serving;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        stop.Dispose();
    }

    private async Task ReceiveDatagramsAsync()
    {
        var buffer = new byte[65_536];
        while (!stop.IsCancellationRequested)
        {
            var length = await listener.ReceiveAsync(buffer, SocketFlags.None, stop.Token);
            try
            {
                var datagram = buffer.AsSpan(0, length);
                if (!GelfChunkAssembly.IsChunk(datagram))
                {
                    Keep(datagram.ToArray(), chunkCount: 0);
                }
                else if (chunks.Add(datagram) is { } whole)
                {
                    Keep(whole.Payload, whole.Chunks);
                }
            }
            catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException)
            {
                problems.Enqueue(e.Message);
            }
        }
    }

    private async Task AcceptConnectionsAsync()
    {
        var readers = new List<Task>();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var connection = await listener.AcceptAsync(stop.Token);
                connections.Add(connection);
                readers.Add(ReadFramesAsync(connection));
            }
        }
        finally
        {
            await Task.WhenAll(readers);
        }
    }

    private async Task ReadFramesAsync(Socket connection)
    {
        var frame = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var length = await connection.ReceiveAsync(buffer, SocketFlags.None, stop.Token);
                if (length == 0)
                {
                    break;
                }

                foreach (var b in buffer.AsSpan(0, length))
                {
                    if (b != 0)
                    {
                        frame.WriteByte(b);
                        continue;
                    }

                    try
                    {
                        Keep(frame.ToArray(), chunkCount: 0);
                    }
                    catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException)
                    {
                        problems.Enqueue(e.Message);
                    }

                    frame.SetLength(0);
                }
            }

            if (frame.Length > 0)
            {
                problems.Enqueue($"a connection ended inside a message ({frame.Length} bytes without the closing null byte)");
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            connection.Dispose();
        }
    }

    private void Keep(byte[] payload, int chunkCount)
    {
        var (json, compression) = GelfPayload.Decode(payload);
        var message = JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException($"not a JSON object: {json}");
        received.Enqueue(new ReceivedGelf(message, compression, chunkCount));
    }
}
