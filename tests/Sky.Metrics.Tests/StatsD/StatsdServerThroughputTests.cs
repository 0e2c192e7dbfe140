using System.Diagnostics;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace Sky.Metrics.Tests.StatsD;

public sealed class StatsdServerThroughputTests(ITestOutputHelper output)
{
    private const int Burst = 200_000;

    /// <summary>
    /// How far the sender may run ahead of the server. Unpaced, one loopback sender (a send is one short syscall)
    /// outruns any reader that also parses: on this 2-core machine, shared with builds, 15 to 30% of a 200,000
    /// burst overflowed even the 8 MiB buffer (about 13,000 small datagrams, at the kernel's ~1 KiB accounting per
    /// datagram). So the sender is paced: never more than this many datagrams unread, well inside the buffer, and
    /// then not one may be lost. The rate printed is the server's sustained rate.
    /// </summary>
    private const int Window = 5_000;

    [Fact]
    public async Task A_burst_of_200000_datagrams_from_one_paced_sender_is_counted_without_loss()
    {
        await using var running = await RunningServer.StartAsync();
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sender.Connect(running.Endpoint);
        var packet = "app.requests:1|c"u8.ToArray();
        var sending = Stopwatch.StartNew();
        for (var i = 0; i < Burst; i++)
        {
            var spin = default(SpinWait);
            while (i - running.Server.PacketsReceived >= Window && sending.Elapsed < TimeSpan.FromSeconds(30))
            {
                spin.SpinOnce();
            }

            sender.Send(packet);
        }

        await running.WaitForPacketsAsync(Burst);
        sending.Stop();
        output.WriteLine($"{Burst} datagrams read in {sending.ElapsedMilliseconds} ms ({Burst / sending.Elapsed.TotalSeconds:F0}/s)");

        var flushed = await running.FlushAsync();
        Assert.Equal(Burst, flushed["stats_counts.app.requests"]);
        Assert.Equal(Burst, flushed["stats_counts.statsd.packets_received"]);
    }
}
