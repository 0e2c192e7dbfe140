using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Sky.Metrics.StatsD;

/// <summary>Opens the server's sockets, with a receive buffer large enough to ride out bursts.</summary>
internal static class StatsdSockets
{
    /// <summary>
    /// 8 MiB: at about 100 bytes a datagram (plus the kernel's own bookkeeping per datagram), tens of thousands of
    /// packets wait there while the receive loop is busy or a flush holds the lock.
    /// </summary>
    public const int ReceiveBufferBytes = 8 * 1024 * 1024;

    // SOL_SOCKET and SO_RCVBUFFORCE on Linux: the size even above net.core.rmem_max, for a process allowed to (root).
    private const int SocketLevel = 1;
    private const int ReceiveBufferForce = 33;

    public static Socket BindUdp(IPEndPoint endpoint, ILogger logger)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            GrowReceiveBuffer(socket, endpoint, logger);
            socket.Bind(endpoint);
            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new InvalidOperationException($"StatsD cannot receive UDP on {endpoint}: {e.Message}", e);
        }
    }

    public static Socket ListenTcp(IPEndPoint endpoint)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(endpoint);
            socket.Listen();
            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new InvalidOperationException($"StatsD cannot listen on TCP {endpoint}: {e.Message}", e);
        }
    }

    private static void GrowReceiveBuffer(Socket socket, IPEndPoint endpoint, ILogger logger)
    {
        socket.ReceiveBufferSize = ReceiveBufferBytes;

        // Linux doubles the size asked for its bookkeeping and reports the double; less means rmem_max capped it.
        if (!OperatingSystem.IsLinux() || socket.ReceiveBufferSize >= 2 * ReceiveBufferBytes)
        {
            return;
        }

        try
        {
            socket.SetRawSocketOption(SocketLevel, ReceiveBufferForce, BitConverter.GetBytes(ReceiveBufferBytes));
        }
        catch (SocketException)
        {
            logger.LogWarning(
                "StatsD on {Endpoint}: the receive buffer is {Bytes} bytes, not {Wanted} (raise net.core.rmem_max); a burst may lose packets",
                endpoint, socket.ReceiveBufferSize, ReceiveBufferBytes);
        }
    }
}
