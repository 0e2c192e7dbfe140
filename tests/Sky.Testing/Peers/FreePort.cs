using System.Net;
using System.Net.Sockets;

namespace Sky.Testing.Peers;

/// <summary>A loopback port nobody listens on right now.</summary>
/// <remarks>
/// Drawn below the kernel's ephemeral range (32768 and up on Linux), not asked of the kernel: a port the kernel hands out
/// as free is also one it hands out to the next outgoing connection, and a test that binds it a moment later (the
/// daemon's listener) then finds it taken. Random, so that test assemblies running side by side rarely draw the same.
/// </remarks>
public static class FreePort
{
    private const int First = 20000;
    private const int Last = 32000;

    public static int Next()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(First, Last);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: draw another.
            }
        }

        throw new InvalidOperationException($"no free loopback port between {First} and {Last} after 100 draws");
    }
}
