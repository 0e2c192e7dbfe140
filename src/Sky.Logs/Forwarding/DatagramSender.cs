using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Sky.Logs.Forwarding;

/// <summary>Sends one target's lines over UDP, each line as the datagrams <see cref="IDatagramEncoding"/> makes of it.</summary>
/// <remarks>
/// UDP says nothing about delivery. The only failure it reports is a refusal: when a datagram reaches a host where
/// nobody listens on the port, the host answers with an ICMP "port unreachable", and the kernel fails the next send on
/// this (connected) socket with "connection refused". The line whose send failed was not sent, so it is tried again
/// after a backoff, up to <see cref="Attempts"/> times in all, then dropped and counted: a receiver that stays away
/// must not hold up the line after it for ever, and the buffer keeps the newest lines meanwhile. After a refusal each
/// send is followed by a look at the socket's pending error until one comes back clean, so that a retry into a port
/// still closed counts as failed instead of as sent. Datagrams sent before a refusal was noticed are lost without
/// being counted: UDP cannot tell.
/// </remarks>
internal sealed class DatagramSender(ForwardTarget target, IDatagramEncoding encoding, int bufferLines, TimeProvider clock, ILogger logger)
    : TargetSender(target, bufferLines, clock, logger)
{
    public const int Attempts = 4;

    private readonly List<ReadOnlyMemory<byte>> datagrams = [];
    private readonly ReconnectBackoff backoff = new();
    private Socket? socket;
    private bool refused;

    protected override async Task SendLinesAsync(CancellationToken stop)
    {
        while (await Lines.WaitToReadAsync(stop))
        {
            var open = await OpenAsync(stop);
            while (Lines.TryRead(out var record))
            {
                datagrams.Clear();
                string? unsendable;
                try
                {
                    unsendable = encoding.Encode(record, datagrams);
                }
                catch (Exception e)
                {
                    unsendable = $"a line could not be encoded: {e.Message}";
                }

                if (unsendable is not null)
                {
                    CountDropped(unsendable);
                    continue;
                }

                Held = 1;
                await SendAsync(open, stop);
                Held = 0;
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            encoding.Dispose();
        }
    }

    protected override void Close()
    {
        socket?.Dispose();
        socket = null;
    }

    private async Task SendAsync(Socket open, CancellationToken stop)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                foreach (var datagram in datagrams)
                {
                    await open.SendAsync(datagram, SocketFlags.None, stop);
                }

                if (refused)
                {
                    ThrowIfRefused(open);
                    refused = false;
                }

                CountSent(1);
                MarkConnected();
                backoff.Reset();
                return;
            }
            catch (SocketException e)
            {
                refused = true;
                MarkFailed($"the receiver refused a datagram: {e.Message}");
                if (attempt == Attempts)
                {
                    CountDropped($"a line was refused {Attempts} times: {e.Message}");
                    return;
                }

                await WaitAsync(backoff.Next(), stop);
            }
        }
    }

    private static void ThrowIfRefused(Socket open)
    {
        if (open.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error) is int error && error != 0)
        {
            throw new SocketException(error);
        }
    }

    /// <summary>
    /// A socket connected to the target (for UDP this only fixes the peer, which is what lets the kernel report
    /// refusals). The name is resolved here, retried with backoff while it does not resolve.
    /// </summary>
    private async Task<Socket> OpenAsync(CancellationToken stop)
    {
        while (socket is null)
        {
            try
            {
                var addresses = await Dns.GetHostAddressesAsync(Target.Host, stop);
                if (addresses.Length == 0)
                {
                    throw new SocketException((int)SocketError.HostNotFound);
                }

                var opened = new Socket(addresses[0].AddressFamily, SocketType.Dgram, ProtocolType.Udp);
                try
                {
                    opened.Connect(new IPEndPoint(addresses[0], Target.Port));
                }
                catch
                {
                    opened.Dispose();
                    throw;
                }

                socket = opened;
                MarkConnected();
            }
            catch (SocketException e)
            {
                MarkFailed($"cannot resolve or reach {Target.Host}: {e.Message}");
                await WaitAsync(backoff.Next(), stop);
            }
        }

        return socket;
    }
}
