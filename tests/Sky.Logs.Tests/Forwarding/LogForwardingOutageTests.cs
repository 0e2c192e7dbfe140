using System.Diagnostics;
using Sky.Logs.Forwarding;
using Sky.Testing;
using Sky.Testing.Peers;

namespace Sky.Logs.Tests.Forwarding;

/// <summary>What happens to lines while a target is away: they wait in its bounded buffer and go out when it is back.</summary>
public sealed class LogForwardingOutageTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Lines_offered_while_a_tcp_target_is_down_arrive_in_order_once_it_listens()
    {
        var port = FreePort.Next();
        await using var forwarding = TestForwarding.Start($"gelf+tcp://127.0.0.1:{port}");

        forwarding.OfferAll(SampleLines.Numbered("waiting", 300));
        var down = await Eventually.GetAsync(() => Status(forwarding) is { LastError: not null } s ? s : null, Within, "a failed connect");
        Assert.False(down.Connected);
        Assert.Equal(300, down.Buffered);

        await using var receiver = GelfReceiver.StartTcp(port);
        var messages = await receiver.WaitForCountAsync(300, "the 300 buffered lines");
        Assert.Equal(SampleLines.Numbered("waiting", 300).Select(r => r.Text), messages.Select(m => m.ShortMessage));
        var status = await Eventually.GetAsync(() => Status(forwarding) is { Sent: 300 } s ? s : null, Within, "300 sent");
        Assert.Equal((true, 0L, 0), (status.Connected, status.Dropped, status.Buffered));
        Assert.Empty(receiver.Problems);
    }

    [Fact]
    public async Task A_restarted_tcp_receiver_gets_the_lines_offered_while_it_was_away()
    {
        var receiver = GelfReceiver.StartTcp();
        var port = receiver.Port;
        await using var forwarding = TestForwarding.Start($"gelf+tcp://127.0.0.1:{port}");
        forwarding.OfferAll(SampleLines.Numbered("before", 50));
        await receiver.WaitForCountAsync(50, "the lines before the restart");

        await receiver.DisposeAsync();
        forwarding.OfferAll(SampleLines.Numbered("meanwhile", 50));
        await Eventually.GetAsync(() => Status(forwarding) is { Connected: false } s ? s : null, Within, "the closed connection noticed");
        await using var restarted = GelfReceiver.StartTcp(port);

        var messages = await restarted.WaitForCountAsync(50, "the lines offered meanwhile");
        Assert.Equal(SampleLines.Numbered("meanwhile", 50).Select(r => r.Text), messages.Select(m => m.ShortMessage));
        Assert.Equal((100L, 0L), (Status(forwarding).Sent, Status(forwarding).Dropped));
        Assert.Empty(restarted.Problems);
    }

    [Fact]
    public async Task A_full_buffer_drops_the_oldest_lines_and_counts_them_and_the_newest_arrive()
    {
        var port = FreePort.Next();
        await using var forwarding = TestForwarding.Start($"syslog+tcp://127.0.0.1:{port}", bufferLines: 10);

        forwarding.OfferAll(SampleLines.Numbered("line", 100));
        var full = Status(forwarding);
        Assert.Equal((90L, 10), (full.Dropped, full.Buffered));

        await using var rsyslog = await Rsyslog.StartAsync(tcpPort: port);
        await Eventually.GetAsync(() => Status(forwarding) is { Sent: 10 } s ? s : null, Within, "10 lines sent");
        var received = await Eventually.GetAsync(() => rsyslog.Messages().Where(m => m.App == "web").ToList() is { Count: 10 } all ? all : null, Within, "10 lines at rsyslog");
        Assert.Equal(Enumerable.Range(91, 10).Select(i => $"line {i:D4}"), received.Select(m => m.Message));
        Assert.Equal(90, Status(forwarding).Dropped);
    }

    [Fact]
    public async Task Offering_to_dead_targets_returns_at_once_allocates_nothing_and_only_fills_their_buffers()
    {
        await using var forwarding = TestForwarding.Start([$"gelf+tcp://127.0.0.1:{FreePort.Next()}", $"syslog+udp://127.0.0.1:{FreePort.Next()}"], bufferLines: 1000);
        var line = SampleLines.Stdout("busy");

        var clock = Stopwatch.StartNew();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 200_000; i++)
        {
            forwarding.Offer(line);
        }

        // 200,000 lines take a few milliseconds; the bound only catches an Offer that waits for the network. The
        // allocation bound leaves room for the buffers growing to their size, not for a byte per line.
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore, 0, 100_000);
        var tcp = forwarding.Status()[0];
        Assert.Equal((199_000L, 1000), (tcp.Dropped, tcp.Buffered));
    }

    [Fact]
    public async Task A_udp_target_that_refuses_is_reported_and_a_line_refused_every_time_is_dropped()
    {
        var port = FreePort.Next();
        await using var forwarding = TestForwarding.Start($"gelf+udp://127.0.0.1:{port}");

        forwarding.OfferAll(SampleLines.Numbered("refused", 3));

        var refused = await Eventually.GetAsync(() => Status(forwarding) is { Dropped: >= 1 } s ? s : null, Within, "a dropped line");
        Assert.False(refused.Connected);
        Assert.Contains("refused", refused.LastError, StringComparison.OrdinalIgnoreCase);

        await using var receiver = GelfReceiver.StartUdp(port);
        await receiver.WaitForAsync(m => m.ShortMessage == "refused 0003", "the last line, once the receiver is back");
        Assert.True(Status(forwarding).Connected);
    }

    [Fact]
    public async Task Disposing_sends_what_is_still_buffered()
    {
        await using var receiver = GelfReceiver.StartTcp();
        var forwarding = TestForwarding.Start($"gelf+tcp://127.0.0.1:{receiver.Port}");

        forwarding.OfferAll(SampleLines.Numbered("last words", 1000));
        await forwarding.DisposeAsync();

        var messages = await receiver.WaitForCountAsync(1000, "all 1000 lines");
        Assert.Equal(SampleLines.Numbered("last words", 1000).Select(r => r.Text), messages.Select(m => m.ShortMessage));

        // The collector may still hand over a line while the daemon stops: it is ignored, not an error.
        forwarding.Offer(SampleLines.Stdout("after disposal"));
    }

    private static ForwardStatus Status(LogForwarding forwarding) => Assert.Single(forwarding.Status());
}
