using Sky.Testing.Peers;

namespace Sky.Logs.Tests.Forwarding;

/// <summary>GELF forwarding against a receiver as strict as Graylog's input about chunks, compression and framing.</summary>
public sealed class LogForwardingToGelfTests
{
    [Fact]
    public async Task A_short_line_arrives_over_udp_in_one_gzip_datagram_with_its_labels_as_fields()
    {
        await using var receiver = GelfReceiver.StartUdp();
        await using var forwarding = TestForwarding.Start($"gelf+udp://127.0.0.1:{receiver.Port}");

        forwarding.Offer(SampleLines.Stdout("GET / 200"));

        var message = await receiver.WaitForAsync(m => m.ShortMessage == "GET / 200", "the web line");
        Assert.Equal(("gzip", 0), (message.Compression, message.Chunks));
        Assert.Equal("1.1", message.Field("version"));
        Assert.Equal(TestForwarding.HostName, message.Field("host"));
        Assert.Equal("6", message.Field("level"));
        Assert.Equal("sky-web-production-2", message.Field("_container"));
        Assert.Equal("web", message.Field("_service"));
        Assert.Equal("production", message.Field("_instance"));
        Assert.Equal("2", message.Field("_replica"));
        Assert.Equal("17", message.Field("_revision"));
        Assert.Equal("stdout", message.Field("_stream"));
        Assert.Empty(receiver.Problems);
    }

    [Fact]
    public async Task A_40_KB_line_of_random_text_arrives_over_udp_in_several_chunks_intact()
    {
        await using var receiver = GelfReceiver.StartUdp();
        await using var forwarding = TestForwarding.Start($"gelf+udp://127.0.0.1:{receiver.Port}");
        var text = GelfDatagramsTests.RandomText(40_000, seed: 11);

        forwarding.Offer(SampleLines.Stdout(text));
        forwarding.Offer(SampleLines.Stdout("after"));

        var large = await receiver.WaitForAsync(m => m.ShortMessage.Length > 1000, "the 40 KB line");
        Assert.Equal(text, large.ShortMessage);
        Assert.Equal("gzip", large.Compression);
        Assert.InRange(large.Chunks, 20, 128);
        await receiver.WaitForAsync(m => m.ShortMessage == "after", "the line after it");
        Assert.Empty(receiver.Problems);
    }

    [Fact]
    public async Task Over_tcp_each_line_is_plain_json_ended_by_a_null_byte_at_the_level_of_its_stream()
    {
        await using var receiver = GelfReceiver.StartTcp();
        await using var forwarding = TestForwarding.Start($"gelf+tcp://127.0.0.1:{receiver.Port}");

        forwarding.Offer(SampleLines.Stdout("out"));
        forwarding.Offer(SampleLines.Stderr("err \0 with a null byte\nand a newline"));
        forwarding.Offer(new LogRecord(SampleLines.NightlyJob, SampleLines.Noon, "stdout", "", Truncated: true));

        var messages = await receiver.WaitForCountAsync(3, "three lines");
        Assert.Equal(["out", "err \0 with a null byte\nand a newline", "(empty)"], messages.Select(m => m.ShortMessage));
        Assert.Equal(["6", "3", "6"], messages.Select(m => m.Field("level")));
        Assert.All(messages, m => Assert.Equal(("none", 0), (m.Compression, m.Chunks)));
        Assert.Equal(("nightly", "42", "1"), (messages[2].Field("_job"), messages[2].Field("_run"), messages[2].Field("_truncated")));
        Assert.Null(messages[2].Field("_service"));
        Assert.Empty(receiver.Problems);
    }

    [Fact]
    public async Task Every_target_gets_every_line()
    {
        await using var udp = GelfReceiver.StartUdp();
        await using var tcp = GelfReceiver.StartTcp();
        await using var forwarding = TestForwarding.Start([$"gelf+udp://127.0.0.1:{udp.Port}", $"gelf+tcp://127.0.0.1:{tcp.Port}"]);

        forwarding.OfferAll(SampleLines.Numbered("line", 20));

        var expected = SampleLines.Numbered("line", 20).Select(r => r.Text).ToList();
        Assert.Equal(expected, (await tcp.WaitForCountAsync(20, "20 lines over TCP")).Select(m => m.ShortMessage));
        Assert.Equal(expected, (await udp.WaitForCountAsync(20, "20 lines over UDP")).Select(m => m.ShortMessage).Order(StringComparer.Ordinal));
        Assert.All(forwarding.Status(), status => Assert.Equal((20, 0), (status.Sent, status.Dropped)));
    }
}
