using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Sky.Metrics.StatsD;

/// <summary>
/// Accepts TCP connections and reads newline-separated lines from each, as etsy's TCP server does: whatever arrived
/// up to the last newline of a read is one packet; a line still unfinished waits for the next read, and is dropped if
/// the connection ends first. A line longer than <see cref="LongestPending"/> closes its connection.
/// </summary>
internal sealed class StatsdTcpReceiver(Socket listener, StatsdCollector collector, ILogger logger)
{
    private const int LongestPending = 1024 * 1024;

    public async Task RunAsync(CancellationToken stopping)
    {
        var connections = new List<Task>();
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                Socket connection;
                try
                {
                    connection = await listener.AcceptAsync(stopping);
                }
                catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
                {
                    break;
                }
                catch (SocketException e)
                {
                    logger.LogDebug("StatsD TCP accept failed: {Error}", e.Message);
                    continue;
                }

                connections.RemoveAll(c => c.IsCompleted);
                connections.Add(ReadAsync(connection, stopping));
            }
        }
        finally
        {
            await Task.WhenAll(connections);
        }
    }

    private async Task ReadAsync(Socket connection, CancellationToken stopping)
    {
        using var _ = connection;
        var buffer = new byte[16 * 1024];
        var filled = 0;
        try
        {
            while (true)
            {
                var read = await connection.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, stopping);
                if (read == 0)
                {
                    return;
                }

                var lastNewline = buffer.AsSpan(filled, read).LastIndexOf((byte)'\n');
                filled += read;
                if (lastNewline >= 0)
                {
                    var end = filled - read + lastNewline + 1;
                    collector.Receive(buffer.AsSpan(0, end), StatsdPacketText.HighBitCleared);
                    buffer.AsSpan(end, filled - end).CopyTo(buffer);
                    filled -= end;
                }

                if (filled == buffer.Length)
                {
                    if (buffer.Length >= LongestPending)
                    {
                        logger.LogWarning("StatsD TCP client {Client} sent a line over {Bytes} bytes: closed", connection.RemoteEndPoint, LongestPending);
                        return;
                    }

                    Array.Resize(ref buffer, buffer.Length * 2);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping, or the client went away.
        }
    }
}
