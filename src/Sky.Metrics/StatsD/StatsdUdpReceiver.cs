using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Sky.Metrics.StatsD;

/// <summary>
/// Reads datagrams from one bound UDP socket into the collector, in the order they came, on a thread of its own that
/// blocks in the kernel's receive. Measured (bench/statsd.sh): an async receive loop emptied the socket between a
/// sender's bursts, and every next datagram then went through the socket event loop and a thread-pool wake-up: 40 to
/// 50 % of a core at 5,000 datagrams/s. A blocked thread wakes straight into the next datagram. One reader per
/// socket, on purpose: two absorbed more of a burst but may apply two datagrams out of order, and a gauge set then
/// moved in two datagrams must come out as etsy gives it. Stopping closes the socket, which ends the blocked receive.
/// </summary>
internal sealed class StatsdUdpReceiver(Socket socket, StatsdCollector collector, ILogger logger)
{
    /// <summary>The largest UDP payload over IPv4 is 65,507 bytes.</summary>
    private const int LargestDatagram = 64 * 1024;

    public Task RunAsync(CancellationToken stopping)
    {
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run(stopping);
                finished.TrySetResult();
            }
            catch (Exception e)
            {
                finished.TrySetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "statsd-udp",
        };
        thread.Start();
        return finished.Task;
    }

    private void Run(CancellationToken stopping)
    {
        using var unblock = stopping.Register(socket.Close);
        var buffer = GC.AllocateUninitializedArray<byte>(LargestDatagram);
        while (!stopping.IsCancellationRequested)
        {
            int length;
            try
            {
                length = socket.Receive(buffer, SocketFlags.None);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException e)
            {
                // An ICMP error from an earlier send or the like: the socket still receives.
                logger.LogDebug("StatsD UDP receive on {Endpoint} failed: {Error}", socket.LocalEndPoint, e.Message);
                continue;
            }

            collector.Receive(buffer.AsSpan(0, length), StatsdPacketText.Utf8);
        }
    }
}
